"""Hand-made cases first (pinned conventions), then seeded data with missing entries.

Random columns come from skewed distributions, so a mean differs clearly from a median, and the
test rows from a shifted distribution, so medians taken from the test rows (or from train and
test together) differ clearly from the train ones. Observed counts per column are mixed odd and
even.
"""

import numpy as np

from mlprep.problems import Case

nan = np.nan


def cases(rng):
    # The statement's example.
    yield Case(
        "odd_counts",
        (
            np.array([[1.0, nan], [nan, 4.0], [3.0, 2.0], [10.0, 8.0]]),
            np.array([[nan, nan], [5.0, nan]]),
        ),
        "basic",
    )
    yield Case(
        "even_count_takes_middle_mean",
        (np.array([[7.0], [1.0], [nan], [10.0], [2.0]]), np.array([[nan], [0.0]])),
        "even count",
    )
    yield Case(
        "column_with_nothing_observed",
        (np.array([[1.0, nan], [2.0, nan], [nan, nan]]), np.array([[nan, nan], [4.0, 5.0]])),
        "all missing",
    )

    # The test rows are far from the train rows; their NaNs still take the train medians.
    yield Case(
        "test_filled_with_train_median",
        (
            np.array([[1.0, 2.0], [2.0, nan], [3.0, 4.0], [nan, 6.0]]),
            np.array([[100.0, nan], [nan, -50.0], [300.0, -70.0], [nan, nan]]),
        ),
        "leakage",
    )
    # Nothing missing in train: only the test rows change.
    yield Case(
        "train_complete_test_missing",
        _skewed(rng, 40, 15, 4, 0.0, 0.4, test_shift=3.0),
        "test only",
    )
    # Nothing missing anywhere: both arrays come back unchanged.
    yield Case("nothing_missing", _skewed(rng, 20, 10, 3, 0.0, 0.0), "no missing")
    yield Case("test_complete_train_missing", _skewed(rng, 30, 12, 5, 0.3, 0.0), "train only")
    # One train row: the median of one value is that value; a NaN there means "nothing observed".
    yield Case(
        "single_train_row",
        (np.array([[4.0, nan, -1.5]]), np.array([[nan, nan, nan], [1.0, 2.0, 3.0]])),
        "n = 1",
    )
    yield Case(
        "single_train_row_all_missing",
        (np.array([[nan, nan]]), np.array([[nan, 3.0], [nan, nan]])),
        "all missing",
    )
    # Repeated values straddle the middle; the two middle values are sometimes equal.
    yield Case(
        "duplicate_values",
        _with_nans(
            rng,
            rng.integers(0, 4, size=(24, 6)).astype(float),
            rng.integers(-2, 6, size=(9, 6)).astype(float),
            0.25,
            0.5,
        ),
        "ties",
    )
    # Exactly even and exactly odd observed counts, column by column.
    X = rng.exponential(5.0, size=(10, 4))
    X[:2, 0] = nan  # 8 observed
    X[:3, 1] = nan  # 7 observed
    X[5:9, 2] = nan  # 6 observed
    X[[0, 9], 3] = nan  # 8 observed
    T = rng.exponential(5.0, size=(6, 4)) + 20.0
    T[::2] = nan
    yield Case("mixed_odd_and_even_counts", (X, T), "even count")
    X, T = _skewed(rng, 60, 20, 6, 0.3, 0.3)
    X[:, 2] = nan
    yield Case("one_column_never_observed", (X, T), "all missing")
    yield Case("mostly_missing", _skewed(rng, 50, 30, 5, 0.9, 0.6), "sparse")
    yield Case("large_offset_negative", _skewed(rng, 80, 40, 4, 0.3, 0.3, -1e6), "large offset")
    yield Case("single_feature", _skewed(rng, 25, 25, 1, 0.4, 0.5), "d = 1")
    yield Case("largest_data", _skewed(rng, 2000, 1000, 50, 0.2, 0.2), "random")


def _skewed(rng, n, m, d, train_missing, test_missing, offset=0.0, test_shift=1.0):
    """Log-normal columns (mean far from median); test rows shifted up by test_shift scales."""
    mu = rng.normal(0.0, 1.0, size=d)
    train = np.exp(rng.normal(mu, 1.0, size=(n, d)))
    test = np.exp(rng.normal(mu + test_shift, 1.5, size=(m, d)))
    return _with_nans(rng, train + offset, test + offset, train_missing, test_missing)


def _with_nans(rng, train, test, train_missing, test_missing):
    train = train.copy()
    test = test.copy()
    train[rng.random(train.shape) < train_missing] = nan
    test[rng.random(test.shape) < test_missing] = nan
    return train, test
