"""Hand-made cases first (pinned conventions), then seeded data of many shapes and scales.

Constant train columns always hold small integers or 1e6, for which the mean is exact and the
standard deviation computes to exactly 0 with any usual formula. Test sets are often drawn from a
shifted, rescaled distribution so that statistics taken from the test rows (or from train and
test together) give clearly different numbers.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: column means 3 and 20, standard deviations 2 and 10.
    yield Case(
        "two_columns",
        (
            np.array([[1.0, 10.0], [1.0, 30.0], [5.0, 10.0], [5.0, 30.0]]),
            np.array([[3.0, 20.0], [7.0, 0.0]]),
        ),
        "basic",
    )
    yield Case(
        "constant_column_is_only_centred",
        (np.array([[1.0, 4.0], [3.0, 4.0]]), np.array([[2.0, 4.0], [5.0, 7.0], [0.0, 1.0]])),
        "constant column",
    )
    # The test rows sit far from the train rows: their own mean and std would give -1.22, 0, 1.22.
    yield Case(
        "test_uses_train_statistics",
        (np.array([[0.0], [4.0]]), np.array([[10.0], [12.0], [14.0]])),
        "leakage",
    )

    # One train row: every column is constant, so train becomes 0 and test is only centred.
    yield Case(
        "single_train_row",
        (np.array([[3.0, -2.0, 0.0]]), np.array([[4.0, -2.0, 1.5], [0.0, 0.0, 0.0]])),
        "n = 1",
    )
    # Constant columns (one of them huge) between ordinary ones; test values differ there.
    X = rng.normal(0.0, 2.0, size=(30, 5))
    X[:, 1] = 7.0
    X[:, 3] = 1e6
    T = rng.normal(1.0, 3.0, size=(12, 5))
    T[:, 1] = rng.integers(-5, 15, size=12)
    T[:, 3] = 1e6 + rng.integers(-3, 4, size=12)
    yield Case("constant_columns_mixed", (X, T), "constant column")
    yield Case(
        "three_rows_biased_std",
        (rng.normal(0.0, 1.0, size=(3, 4)), rng.normal(0.0, 1.0, size=(5, 4))),
        "small n",
    )
    yield Case(
        "shifted_test_distribution",
        (rng.normal(0.0, 1.0, size=(40, 3)), rng.normal(5.0, 4.0, size=(40, 3))),
        "leakage",
    )
    yield Case(
        "test_much_larger_than_train",
        (rng.normal(2.0, 1.0, size=(15, 4)), rng.normal(-3.0, 6.0, size=(600, 4))),
        "leakage",
    )
    yield Case("single_feature", _pair(rng, 25, 9, 1, 1.0, 0.0), "d = 1")
    yield Case("one_test_row", _pair(rng, 50, 1, 6, 1.0, 0.0), "m = 1")
    # Features on tiny scales: an epsilon added to the std is no longer negligible.
    yield Case("tiny_scale", _pair(rng, 80, 20, 4, 1e-5, 0.0), "tiny scale")
    yield Case("huge_scale", _pair(rng, 80, 20, 4, 1e7, -3e7), "huge scale")
    # Offsets a million times the spread: the E[x^2] - E[x]^2 shortcut loses its digits here.
    yield Case(
        "large_offset",
        _pair(rng, 300, 100, 3, 1e3, np.array([1e9, -1e9, 5e8])),
        "large offset",
    )
    yield Case("wide_features_ordinary", _pair(rng, 60, 30, 12, 1.0, 0.0), "random")
    yield Case("largest_data", _pair(rng, 2000, 500, 50, 2.0, 10.0), "random")
    yield Case(
        "integer_valued_data",
        (
            rng.integers(-3, 4, size=(20, 6)).astype(float),
            rng.integers(-6, 7, size=(10, 6)).astype(float),
        ),
        "random",
    )


def _pair(rng, n, m, d, scale, offset):
    """Train rows from per-column normals; test rows from a shifted, wider version of them."""
    centres = rng.normal(0.0, 3.0, size=d)
    spreads = rng.uniform(0.5, 2.0, size=d)
    train = rng.normal(centres, spreads, size=(n, d))
    test = rng.normal(centres + rng.normal(0.0, 2.0, size=d), 1.7 * spreads, size=(m, d))
    return train * scale + offset, test * scale + offset
