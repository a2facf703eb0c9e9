"""Hand-made cases first (sorted columns, unseen test codes), then seeded code vectors.

Codes are mostly non-contiguous and first appear out of sorted order, and most test sets hold codes
never seen in train: below the smallest, between, and above the largest train code.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: vocabulary [2, 5, 9], test code 7 is unseen.
    yield Case("basic_unseen_code", (np.array([5, 2, 9, 2]), np.array([9, 7, 2])), "basic")
    yield Case("contiguous_codes", (np.array([1, 0, 2, 1, 0]), np.array([2, 0, 1])), "basic")
    yield Case(
        "unseen_above_and_below",
        (np.array([10, 30, 20]), np.array([0, 40, 20, 25])),
        "unseen codes",
    )

    yield Case("single_category", (np.full(6, 3), np.array([3, 0, 3, 8])), "one category")
    yield Case("single_train_sample", (np.array([4]), np.array([4, 5])), "tiny")
    yield Case("single_test_sample_unseen", (np.array([0, 1, 2]), np.array([3])), "unseen codes")
    yield Case(
        "all_test_unseen", (np.array([1, 3, 5, 3]), np.array([0, 2, 4, 6, 7])), "unseen codes"
    )
    # Only an unseen code above the largest train code: a clipped lookup lands in the last column.
    yield Case(
        "unseen_only_above", (np.array([2, 0, 1, 2]), np.array([1, 3, 7, 0])), "unseen codes"
    )
    # Only an unseen code below the smallest train code, which itself is far from zero.
    yield Case(
        "unseen_only_below", (np.array([12, 11, 15, 11]), np.array([3, 12, 15])), "unseen codes"
    )
    yield Case(
        "decreasing_first_appearance",
        (np.array([9, 7, 5, 3, 1, 9, 3]), np.array([1, 3, 5, 7, 9])),
        "column order",
    )
    yield Case(
        "large_codes",
        (np.array([100_000, 7, 52_345, 7, 100_000]), np.array([52_345, 8, 100_000, 99_999])),
        "large codes",
    )
    yield Case(
        "codes_up_to_1e9",
        (np.array([1_000_000_000, 0, 999_999_999, 0]), np.array([1_000_000_000, 5, 999_999_999])),
        "large codes",
    )
    yield Case(
        "int32_codes",
        (
            rng.integers(0, 12, size=40).astype(np.int32),
            rng.integers(0, 15, size=20).astype(np.int32),
        ),
        "dtype",
    )
    for i, (n, m, n_codes, spread) in enumerate(
        [(50, 20, 6, 3), (500, 300, 30, 10), (2000, 1000, 45, 20)]
    ):
        pool = rng.choice(n_codes * spread, size=n_codes, replace=False)
        train_pool = pool[: n_codes - max(1, n_codes // 5)]  # some codes appear in test only
        train = rng.choice(train_pool, size=n)
        test = rng.choice(pool, size=m)
        yield Case(f"random_codes_{i}", (train, test), "random")
