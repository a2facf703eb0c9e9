"""Hand-made short runs first, then seeded data of many shapes, scales and learning rates.

Most runs are short (at most 300 updates); two cases leave lr and n_iters out, so the defaults
(0.01 and 1000) are checked too. Learning rates are chosen so that the runs converge, except for
the one case that shows a too-large rate diverging.
"""

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def cases(rng):
    yield Case(
        "one_update",
        (_f([[1, 2], [3, 0], [0, 1]]), _f([3, 5, 1]), 0.1, 1),
        "n_iters = 1",
    )
    yield Case(
        "small_default_arguments",
        (_f([[0.0], [1.0], [2.0], [3.0], [4.0]]), _f([1.0, 2.9, 5.2, 7.1, 8.8])),
        "defaults",
    )
    yield Case(
        "short_run_two_features",
        (_f([[1, -1], [2, 0.5], [0, 1], [-1, 2], [3, 1]]), _f([0.5, 3, 1, -1, 4]), 0.05, 12),
        "iteration count",
    )

    yield Case("single_sample", (_f([[2.0, -1.0, 0.5]]), _f([3.0]), 0.05, 40), "tiny")
    X, y = _noisy(rng, 30, 3)
    yield Case("one_update_random", (X, y, 0.1, 1), "n_iters = 1")
    yield Case("two_updates_random", (X, y, 0.1, 2), "iteration count")
    X, y = _noisy(rng, 80, 4)
    yield Case("seven_updates", (X, y, 0.2, 7), "iteration count")
    X, y = _noisy(rng, 200, 5)
    yield Case("default_arguments", (X, y), "defaults")

    X = rng.normal(size=(60, 2))
    yield Case("exact_line_converges", (X, X @ _f([1.5, -2.0]) + 0.75, 0.2, 300), "noise-free")
    yield Case(
        "constant_target",
        (rng.normal(size=(40, 3)), np.full(40, -4.0), 0.1, 150),
        "constant target",
    )
    yield Case("zero_target", (rng.normal(size=(20, 2)), np.zeros(20), 0.1, 50), "zero target")
    X, y = _noisy(rng, 50, 3)
    X[:, 1] = 0.0
    yield Case("all_zero_feature", (X, y, 0.1, 100), "degenerate features")
    X, y = _noisy(rng, 50, 2)
    yield Case(
        "duplicated_feature", (np.hstack([X, X[:, :1]]), y, 0.05, 200), "degenerate features"
    )

    X, y = _noisy(rng, 100, 3, offset=5.0)
    yield Case("offset_features", (X, y, 0.005, 300), "offset features")
    X, y = _noisy(rng, 100, 3, scale=100.0)
    yield Case("large_features", (X, y, 2e-5, 200), "large features")
    X, y = _noisy(rng, 100, 3, scale=1e-3)
    yield Case("tiny_features", (X, y, 0.3, 200), "tiny features")
    X, y = _noisy(rng, 60, 2)
    yield Case("large_targets", (X, y * 1e6 + 3e6, 0.1, 100), "large targets")
    # lr far above 1 / (largest curvature): the iterates grow geometrically; no overflow yet.
    X, y = _noisy(rng, 40, 2)
    yield Case("too_large_lr_diverges", (X, y, 1.5, 10), "learning rate")
    X, y = _noisy(rng, 100, 3)
    yield Case("small_lr", (X, y, 0.001, 300), "learning rate")

    X, y = _noisy(rng, 10, 30)
    yield Case("more_features_than_rows", (X, y, 0.01, 200), "d > n")
    X, y = _noisy(rng, 2000, 50)
    yield Case("many_rows_and_features", (X, y, 0.05, 100), "size")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    x = rng.uniform(-3, 3, size=(50, 1))
    yield Case(
        "toy_noisy_line",
        (x, 1.2 * x[:, 0] - 0.5 + rng.normal(0, 0.6, size=50), 0.05, 200),
        "toy data",
    )


def _noisy(rng, n, d, scale=1.0, offset=0.0):
    """Features (times scale, plus offset) and targets from a random linear model with noise."""
    Z = rng.normal(size=(n, d))
    y = Z @ rng.normal(0, 2.0, size=d) + rng.normal(0, 3.0) + rng.normal(0, 0.5, size=n)
    return Z * scale + offset, y
