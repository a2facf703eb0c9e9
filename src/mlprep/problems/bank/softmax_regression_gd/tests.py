"""Hand-made short runs first, then seeded blobs: absent classes, one class, large features.

Two cases leave lr and n_iters out, so the defaults (0.1 and 100) are checked. The "large
features" cases push the scores far past 709 after one step, where a raw exp overflows; they stop
after a few steps so that the oscillating run stays well conditioned.
"""

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "one_update",
        (_f([[1, 0], [0, 1], [1, 1], [-1, 0]]), _i([0, 1, 2, 0]), 3, 0.5, 1),
        "n_iters = 1",
    )
    yield Case(
        "small_default_arguments",
        (_f([[0, 1], [1, 2], [2, 0], [3, 1], [4, 3], [5, 2]]), _i([0, 0, 1, 1, 2, 2]), 3),
        "defaults",
    )
    yield Case(
        "short_run_two_classes",
        (_f([[0.5], [1.5], [-1.0], [2.0], [-0.5]]), _i([0, 1, 0, 1, 1]), 2, 1.0, 10),
        "iteration count",
    )

    yield Case("single_sample", (_f([[2.0, -1.0, 0.5]]), _i([1]), 3, 0.3, 20), "tiny")
    X, y = _blobs(rng, 40, 2, 3)
    yield Case("one_update_random", (X, y, 3, 0.1, 1), "n_iters = 1")
    yield Case("two_updates_random", (X, y, 3, 0.1, 2), "iteration count")
    X, y = _blobs(rng, 150, 4, 4)
    yield Case("default_arguments", (X, y, 4), "defaults")
    X, y = _blobs(rng, 90, 3, 5)
    yield Case("five_classes_short", (X, y, 5, 0.5, 7), "iteration count")

    # Class 3 of 5 never appears: its scores are only ever pushed down.
    X, y = _blobs(rng, 60, 2, 4)
    yield Case("absent_class", (X, np.where(y == 3, 4, y), 5, 0.2, 50), "absent class")
    yield Case("highest_class_absent", (X, y, 6, 0.2, 50), "absent class")
    X, _ = _blobs(rng, 50, 3, 2)
    yield Case("one_class_only", (X, np.full(50, 2, dtype=np.int64), 3, 0.2, 60), "one class")
    # All-zero features: only the bias can learn, towards the log class frequencies.
    yield Case(
        "zero_features",
        (np.zeros((30, 2)), _i([0] * 5 + [1] * 10 + [2] * 15), 3, 0.5, 80),
        "degenerate features",
    )
    X, y = _blobs(rng, 40, 2, 2)
    yield Case("two_classes", (X, y, 2, 0.3, 100), "two classes")
    yield Case("square_weights_d_equals_classes", (*_blobs(rng, 50, 3, 3), 3, 0.2, 40), "shapes")

    X, y = _blobs(rng, 60, 2, 3, scale=300.0)
    yield Case("large_features_few_steps", (X, y, 3, 0.1, 3), "large features")
    X, y = _blobs(rng, 40, 3, 4, scale=100.0)
    yield Case("large_features_two_steps", (X, y, 4, 0.5, 2), "large features")
    X, y = _blobs(rng, 80, 2, 3, offset=50.0)
    yield Case("offset_features", (X, y, 3, 0.001, 40), "offset features")
    X, y = _blobs(rng, 100, 3, 3, scale=1e-3)
    yield Case("tiny_features", (X, y, 3, 1.0, 50), "tiny features")

    X, y = _blobs(rng, 2000, 50, 10)
    yield Case("many_rows_features_classes", (X, y, 10, 0.1, 30), "size")
    X, y = _blobs(rng, 8, 20, 3)
    yield Case("more_features_than_rows", (X, y, 3, 0.1, 50), "d > n")


def _blobs(rng, n, d, k, scale=1.0, offset=0.0):
    """Overlapping Gaussian blobs around k random centres; labels 0..k-1, every class present."""
    centers = rng.normal(0, 1.5, size=(k, d))
    y = (
        np.concatenate([np.arange(k), rng.integers(0, k, size=n - k)])
        if n >= k
        else rng.integers(0, k, size=n)
    )
    rng.shuffle(y)
    X = centers[y] + rng.normal(size=(n, d))
    return X * scale + offset, y.astype(np.int64)
