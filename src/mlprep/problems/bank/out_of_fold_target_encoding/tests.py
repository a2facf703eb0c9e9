"""Hand-made folds first (one-fold categories, smoothing 0, unseen codes), then seeded data."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_folds_basic",
        (
            np.array([0, 1, 0, 1, 2, 0]),
            np.array([1.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
            np.array([0, 2, 5]),
            2,
            1.0,
        ),
        "basic",
    )
    # Category 7 sits only in fold 0 (rows 0 and 3): both rows must get the prior of folds 1 and 2.
    yield Case(
        "category_in_one_fold_only",
        (
            np.array([7, 1, 2, 7, 2, 1]),
            np.array([1.0, 0.0, 1.0, 1.0, 1.0, 0.0]),
            np.array([7, 1]),
            3,
            2.0,
        ),
        "one-fold category",
    )
    yield Case(
        "unseen_test_category",
        (
            np.array([3, 3, 4, 4, 3]),
            np.array([2.0, 4.0, 10.0, 12.0, 6.0]),
            np.array([3, 4, 9, 0]),
            2,
            0.5,
        ),
        "unseen test category",
    )

    # Smoothing 0: present categories get their plain other-fold mean, absent ones the prior.
    yield Case(
        "smoothing_zero_absent_category",
        (
            np.array([5, 0, 0, 5, 0, 0, 8, 0, 0]),
            np.array([1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0]),
            np.array([5, 0, 8, 1]),
            3,
            0.0,
        ),
        "smoothing 0",
    )
    codes = rng.integers(0, 12, size=150)
    yield Case(
        "smoothing_zero_random",
        (codes, rng.integers(0, 2, size=150), rng.integers(0, 15, size=40), 4, 0.0),
        "smoothing 0",
    )
    # Leave-one-out: n_folds = n, singleton categories included.
    codes = np.r_[rng.integers(0, 6, size=28), [100, 101]]
    rng.shuffle(codes)
    y = rng.integers(0, 2, size=30).astype(float)
    yield Case("leave_one_out", (codes, y, np.array([0, 100, 5, 77]), 30, 1.5), "leave-one-out")
    yield Case(
        "leave_one_out_smoothing_zero", (codes, y, np.array([101, 3]), 30, 0.0), "leave-one-out"
    )
    codes = rng.integers(0, 20, size=400)
    yield Case(
        "leave_one_out_regression",
        (
            codes,
            rng.normal(3.0, 2.0, size=400) + 0.3 * codes,
            rng.integers(0, 25, size=50),
            400,
            4.0,
        ),
        "leave-one-out",
    )
    yield Case(
        "two_rows_two_folds",
        (np.array([1, 1]), np.array([0.0, 1.0]), np.array([1, 2]), 2, 1.0),
        "tiny",
    )
    # Every category distinct: every train row is absent from its other folds.
    yield Case(
        "all_categories_distinct",
        (np.arange(9) * 3, rng.normal(size=9), np.array([0, 3, 4]), 2, 1.0),
        "one-fold category",
    )
    yield Case(
        "single_category",
        (np.zeros(11, dtype=np.int64), rng.normal(size=11), np.array([0, 1]), 3, 2.0),
        "single category",
    )
    # Sorted codes and a trend in y: contiguous blocks would give very different folds.
    codes = np.sort(rng.integers(0, 5, size=60))
    yield Case(
        "sorted_codes_uneven_folds",
        (codes, codes + rng.normal(0, 0.5, size=60), np.arange(7), 7, 3.0),
        "uneven folds",
    )
    yield Case(
        "uneven_folds_binary",
        (
            rng.integers(0, 4, size=10),
            np.array([1, 0, 0, 1, 1, 1, 0, 0, 1, 0]),
            np.array([2]),
            3,
            1.0,
        ),
        "uneven folds",
    )
    # Strong smoothing pulls everything to the prior, so the right prior is what counts.
    codes = rng.integers(0, 8, size=200)
    y = (rng.random(200) < np.where(np.arange(200) % 2 == 0, 0.8, 0.2)).astype(float)
    yield Case("huge_smoothing", (codes, y, np.arange(10), 2, 1e6), "large smoothing")
    yield Case(
        "large_codes",
        (
            rng.choice(np.array([0, 2**31 - 1, 123456789, 10**9]), size=80),
            rng.integers(0, 2, size=80),
            np.array([2**31 - 1, 10**9, 5, 2**31 - 2]),
            5,
            1.0,
        ),
        "large codes",
    )
    codes = rng.integers(0, 6, size=120)
    yield Case(
        "constant_target",
        (codes, np.full(120, 0.25), rng.integers(0, 9, size=20), 4, 2.0),
        "constant target",
    )
    codes = rng.integers(0, 30, size=500)
    yield Case(
        "large_offset_targets",
        (
            codes,
            1e6 + rng.normal(0, 1.0, size=500) + 0.1 * codes,
            rng.integers(0, 35, size=60),
            5,
            2.0,
        ),
        "large offset",
    )
    # Many rare categories: some exist in one fold only, test has repeats and unseen codes.
    codes = (rng.pareto(1.0, size=2000) * 3).astype(np.int64)
    y = (rng.random(2000) < 1 / (1 + np.exp(-(codes % 7 - 3)))).astype(np.int64)
    yield Case(
        "random_large",
        (codes, y, rng.integers(0, 60, size=500), 5, 10.0),
        "random",
    )
    codes = rng.integers(0, 40, size=1000)
    yield Case(
        "random_two_folds",
        (codes, rng.integers(0, 2, size=1000).astype(float), rng.integers(0, 50, size=300), 2, 1.0),
        "random",
    )
