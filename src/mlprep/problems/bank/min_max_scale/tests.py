"""Hand-made cases first (pinned conventions), then seeded data of many shapes and scales.

Test rows are usually drawn from a shifted, wider distribution than the train rows, so many test
values fall outside the train range (clipping shows) and the test rows' own min and max (or
those of train and test together) differ clearly from the train ones.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    yield Case(
        "two_columns",
        (
            np.array([[0.0, 10.0], [5.0, 30.0], [10.0, 20.0]]),
            np.array([[5.0, 25.0], [2.5, 10.0]]),
        ),
        "basic",
    )
    yield Case(
        "test_outside_train_range",
        (np.array([[2.0], [6.0]]), np.array([[0.0], [4.0], [10.0]])),
        "no clipping",
    )
    yield Case(
        "constant_column",
        (np.array([[1.0, 3.0], [3.0, 3.0]]), np.array([[2.0, 3.0], [0.0, 5.0]])),
        "constant column",
    )

    # One train row: every column is constant; train becomes 0, test is only shifted.
    yield Case(
        "single_train_row",
        (np.array([[3.0, -2.0, 0.5]]), np.array([[4.0, -2.0, 1.5], [0.0, 0.0, 0.0]])),
        "n = 1",
    )
    X = rng.uniform(-4.0, 4.0, size=(25, 5))
    X[:, 0] = -2.0
    X[:, 3] = 0.1  # any repeated value has max - min exactly 0
    T = rng.uniform(-6.0, 6.0, size=(10, 5))
    T[:3, 0] = -2.0
    T[:3, 3] = 0.1
    yield Case("constant_columns_mixed", (X, T), "constant column")
    yield Case(
        "test_inside_train_range",
        (
            np.vstack([np.zeros(4), np.full(4, 10.0), rng.uniform(0.0, 10.0, size=(18, 4))]),
            rng.uniform(1.0, 9.0, size=(30, 4)),
        ),
        "random",
    )
    yield Case("test_wider_than_train", _pair(rng, 40, 60, 3, 1.0, 0.0), "no clipping")
    yield Case("test_much_larger_than_train", _pair(rng, 12, 500, 4, 1.0, 0.0), "leakage")
    # Columns with very different ranges: one global min and max over the matrix is wrong.
    scales = np.array([1e-3, 1.0, 1e3, 50.0])
    yield Case(
        "columns_of_different_ranges",
        (rng.normal(size=(30, 4)) * scales + 7.0, rng.normal(size=(9, 4)) * scales + 7.0),
        "per column",
    )
    # Many ties at the extremes: the min and max are shared by several rows.
    yield Case(
        "integer_values_with_ties",
        (
            rng.integers(0, 3, size=(40, 6)).astype(float),
            rng.integers(-2, 5, size=(15, 6)).astype(float),
        ),
        "ties",
    )
    yield Case("single_feature", _pair(rng, 30, 8, 1, 1.0, 0.0), "d = 1")
    yield Case("one_test_row", _pair(rng, 50, 1, 7, 1.0, 0.0), "m = 1")
    yield Case("two_train_rows", _pair(rng, 2, 20, 5, 1.0, 0.0), "small n")
    yield Case("tiny_scale", _pair(rng, 80, 20, 4, 1e-6, 0.0), "tiny scale")
    yield Case("huge_scale", _pair(rng, 80, 20, 4, 1e8, -5e8), "huge scale")
    yield Case(
        "large_offset",
        _pair(rng, 300, 100, 3, 1e3, np.array([1e9, -1e9, 5e8])),
        "large offset",
    )
    yield Case("largest_data", _pair(rng, 2000, 500, 50, 2.0, -10.0), "random")


def _pair(rng, n, m, d, scale, offset):
    """Train rows from per-column normals; test rows from a shifted, wider version of them."""
    centres = rng.normal(0.0, 3.0, size=d)
    spreads = rng.uniform(0.5, 2.0, size=d)
    train = rng.normal(centres, spreads, size=(n, d))
    test = rng.normal(centres + rng.normal(0.0, 2.0, size=d), 2.0 * spreads, size=(m, d))
    return train * scale + offset, test * scale + offset
