"""Hand-made cases for each rule (unseen test codes, smoothing 0 and huge, odd code values, tiny
train sets, empty test), then seeded data with skewed category frequencies."""

import numpy as np

from mlprep.problems import Case


def _codes(*values, dtype=np.int64):
    return np.array(values, dtype=dtype)


def _skewed(rng, n, n_categories, codes, y_kind="binary", offset=0.0, scale=1.0):
    """n rows whose categories (drawn from ``codes``) have very different frequencies and target
    rates, so that per-category means, counts and the global mean all differ."""
    weights = 1.0 / np.arange(1, n_categories + 1) ** 1.2
    which = rng.choice(n_categories, size=n, p=weights / weights.sum())
    rate = rng.random(n_categories)
    if y_kind == "binary":
        y = (rng.random(n) < rate[which]).astype(np.int64)
    else:
        y = offset + scale * (rate[which] * 4.0 + rng.normal(0.0, 1.0, size=n))
    return codes[which], y


def cases(rng):
    train = _codes(7, 7, 3, 3, 3, 9)
    y = np.array([1.0, 0.0, 1.0, 1.0, 1.0, 0.0])
    yield Case("small_example", (train, y, _codes(3, 9, 5, 7), 2.0), "basic")
    yield Case(
        "unseen_test_categories",
        (_codes(1, 1, 2, 2, 2), np.array([4.0, 6.0, 1.0, 2.0, 3.0]), _codes(0, 2, 3, 1, 4), 1.0),
        "unseen categories",
    )
    yield Case("no_smoothing", (train, y, _codes(9, 3, 7, 8), 0.0), "smoothing = 0")

    yield Case(
        "all_test_unseen",
        (_codes(0, 1, 1, 2), np.array([1.0, 0.0, 1.0, 1.0]), _codes(5, 6, 5, -1), 3.0),
        "unseen categories",
    )
    yield Case(
        "huge_smoothing",
        (_codes(0, 0, 0, 1, 2, 2), np.array([1.0, 1.0, 1.0, 0.0, 0.0, 1.0]), _codes(0, 1, 2), 1e6),
        "large smoothing",
    )
    yield Case(
        "fractional_smoothing",
        (
            _codes(4, 4, 8, 8, 8, 8, 15),
            np.array([0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0]),
            _codes(15, 8, 4, 16),
            0.5,
        ),
        "basic",
    )
    yield Case(
        "single_category",
        (
            np.full(5, 42, dtype=np.int64),
            np.array([1.0, 0.0, 0.0, 1.0, 1.0]),
            _codes(42, 41, 43),
            2.0,
        ),
        "one category",
    )
    yield Case(
        "every_category_once",
        (_codes(10, 20, 30, 40), np.array([1.0, 0.0, 0.0, 0.0]), _codes(40, 30, 20, 10, 25), 1.0),
        "singletons",
    )
    yield Case(
        "single_training_row",
        (_codes(3), np.array([0.25]), _codes(3, 4), 5.0),
        "tiny",
    )
    # Codes are labels, not positions: negative and very large values are ordinary categories.
    yield Case(
        "negative_and_large_codes",
        (
            _codes(-5, 1_000_000_000, -5, 0, 1_000_000_000, -5, 0),
            np.array([2.0, 10.0, 4.0, 7.0, 12.0, 3.0, 5.0]),
            _codes(0, -5, 1_000_000_000, 999_999_999, -6),
            1.5,
        ),
        "code values",
    )
    yield Case(
        "empty_test",
        (_codes(1, 2, 1), np.array([1.0, 0.0, 0.0]), np.zeros(0, dtype=np.int64), 1.0),
        "empty test",
    )
    yield Case(
        "int32_codes_binary_targets",
        (
            _codes(2, 0, 2, 1, 0, 2, 2, dtype=np.int32),
            _codes(1, 0, 0, 1, 1, 1, 0),
            _codes(1, 3, 2, 0, dtype=np.int32),
            1.0,
        ),
        "dtypes",
    )
    codes = rng.choice(np.arange(-50, 1000), size=30, replace=False)
    train_codes, y = _skewed(rng, 2000, 30, codes)
    test_codes = np.concatenate([train_codes[:300], rng.choice(np.arange(1000, 1100), 50)])
    yield Case("random_binary", (train_codes, y, rng.permutation(test_codes), 10.0), "random")
    codes = np.arange(12) * 7
    train_codes, y = _skewed(rng, 400, 12, codes, y_kind="regression", offset=1e6, scale=50.0)
    test_codes = rng.integers(0, 90, size=200)
    yield Case("random_regression_offset", (train_codes, y, test_codes, 3.0), "large offset")
    train_codes, y = _skewed(rng, 150, 40, np.arange(40), y_kind="regression", scale=1e-3)
    yield Case(
        "random_many_rare_categories", (train_codes, y, rng.integers(0, 45, 80), 1.0), "random"
    )
    train_codes, y = _skewed(rng, 1000, 8, np.arange(8))
    yield Case(
        "random_no_smoothing", (train_codes, y, rng.integers(0, 10, 100), 0.0), "smoothing = 0"
    )
