"""Hand-made short runs first, then seeded data: separable, one-class, large features, big sizes.

Cases that leave out lr and n_iters check that the defaults (0.1 and 1000) are the documented ones.
"""

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "small_default_arguments",
        (_f([[0, 1], [1, 1], [2, 0], [3, 1], [4, 0], [5, 0]]), _i([0, 0, 1, 0, 1, 1])),
        "defaults",
    )
    yield Case(
        "one_update",
        (_f([[1, 2], [2, 0], [-1, 1], [0, -2]]), _i([1, 1, 0, 1]), 0.5, 1),
        "n_iters = 1",
    )
    yield Case(
        "short_run_custom_lr",
        (_f([[0.5], [1.5], [-1.0], [2.0], [-0.5]]), _i([0, 1, 0, 1, 1]), 1.0, 10),
        "iteration count",
    )

    yield Case("single_sample", (_f([[2.0, -1.0, 0.5]]), _i([1]), 0.3, 25), "tiny")
    X, y = _noisy(rng, 40, 2)
    yield Case("one_update_random", (X, y, 0.1, 1), "n_iters = 1")
    yield Case("two_updates_random", (X, y, 0.1, 2), "iteration count")
    X, y = _noisy(rng, 80, 3)
    yield Case("seven_updates", (X, y, 0.8, 7), "iteration count")
    X, y = _noisy(rng, 150, 4)
    yield Case("default_arguments", (X, y), "defaults")
    X, y = _noisy(rng, 60, 2, offset=3.0)
    yield Case("offset_features", (X, y, 0.1, 150), "offset features")

    X, y = _noisy(rng, 100, 3)
    yield Case("small_lr_long_run", (X, y, 0.02, 300), "learning rate")
    yield Case("large_lr", (X, y, 2.0, 200), "learning rate")

    # Separable data: the loss has no minimum and the weights keep growing.
    X = np.concatenate([rng.uniform(-3, -0.5, size=(30, 1)), rng.uniform(0.5, 3, size=(30, 1))])
    y = np.repeat(_i([0, 1]), 30)
    yield Case("separable_1d", (X, y, 0.5, 300), "separable")
    X, y = _separable(rng, 120, 3)
    yield Case("separable_3d", (X, y, 0.3, 150), "separable")

    X, _ = _noisy(rng, 50, 3)
    yield Case("all_labels_zero", (X, np.zeros(50, dtype=np.int64), 0.2, 150), "one class")
    X, _ = _noisy(rng, 50, 2, offset=1.0)
    yield Case("all_labels_one", (X, np.ones(50, dtype=np.int64), 0.1, 150), "one class")

    # Features in the thousands: after one step |X @ w| is far beyond 709, where exp overflows.
    X, y = _noisy(rng, 40, 2, scale=1000.0)
    yield Case("large_features_few_steps", (X, y, 0.1, 5), "large features")
    X, y = _separable(rng, 60, 3)
    yield Case("large_features_separable", (X * 500.0, y, 0.1, 30), "large features")
    X, y = _noisy(rng, 30, 1, scale=50.0)
    yield Case("large_features_single_feature", (X, y, 1.0, 3), "large features")

    X, y = _noisy(rng, 2000, 50)
    yield Case("many_rows_and_features", (X, y, 0.1, 60), "size")
    X, y = _noisy(rng, 500, 10, scale=0.01)
    yield Case("tiny_features", (X, y, 0.5, 150), "scale")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    y = np.repeat(np.array([0, 1], dtype=np.int64), 40)
    X = np.array([[-1.5, -1.0], [1.5, 1.0]])[y] + rng.normal(0, 1.0, size=(80, 2))
    yield Case("toy_two_blobs", (X, y, 0.5, 200), "toy data")


def _noisy(rng, n, d, scale=1.0, offset=0.0):
    """Overlapping classes: labels drawn from a true logistic model."""
    X = rng.normal(size=(n, d))
    w = rng.normal(0, 1.5, size=d)
    p = 1.0 / (1.0 + np.exp(-(X @ w + rng.normal(0, 0.5))))
    y = (rng.random(n) < p).astype(np.int64)
    return X * scale + offset, y


def _separable(rng, n, d):
    """Two classes on either side of a random hyperplane, with a margin."""
    w = rng.normal(size=d)
    X = rng.normal(size=(4 * n, d))
    margin = X @ w / np.linalg.norm(w)
    X = X[np.abs(margin) > 0.3][:n]
    y = (X @ w > 0).astype(np.int64)
    return X, y
