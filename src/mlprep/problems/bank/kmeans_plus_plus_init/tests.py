"""Hand-made small cases (including the all-zero fallback), then seeded blobs of many shapes.

Every case passes its own seed, so the expected centroids depend on the pinned draws: the first
index from rng.integers(n), each later one from rng.choice(n, p=D2 / D2.sum()), and
rng.integers(n) again whenever D2 is all zero.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "five_points_three_centroids",
        (np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]]), 3, 7),
        "basic",
    )
    yield Case(
        "two_groups_two_centroids",
        (np.array([[0.0], [0.5], [1.0], [9.0], [10.0], [11.0]]), 2, 2024),
        "basic",
    )
    # Only two distinct rows but k = 4: once both are chosen every D2 is zero.
    yield Case(
        "fewer_distinct_points_than_k",
        (np.array([[1.0, 1.0], [1.0, 1.0], [4.0, 5.0], [1.0, 1.0], [4.0, 5.0]]), 4, 3),
        "duplicates",
    )

    yield Case("k_is_one", (rng.normal(size=(30, 3)), 1, 11), "k = 1")
    yield Case("single_point", (np.array([[2.5, -1.0, 4.0]]), 1, 5), "tiny")
    yield Case("single_point_k_three", (np.array([[2.5, -1.0, 4.0]]), 3, 5), "k > n")
    yield Case("all_points_identical", (np.full((8, 2), 3.0), 3, 42), "duplicates")
    # Three distinct values, many copies, k = 7: the uniform fallback decides which copies follow.
    rows = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    yield Case(
        "three_distinct_values_k_seven",
        (rows[np.array([0, 1, 2, 0, 0, 1, 2, 2, 1, 0, 2, 1])], 7, 99),
        "duplicates",
    )
    yield Case(
        "fallback_after_all_chosen",
        (np.array([[-3.0], [0.0], [4.0], [0.0], [-3.0]]), 6, 123),
        "duplicates",
    )
    X = rng.normal(size=(9, 2)) * 4.0
    yield Case("k_equals_n", (X, 9, 8), "k = n")
    yield Case("k_exceeds_n", (X[:5], 8, 17), "k > n")
    line = np.concatenate([rng.normal(0, 1, 40), rng.normal(20, 1, 40), rng.normal(-15, 2, 20)])
    yield Case("one_feature", (line[:, None], 3, 31), "1-D")
    # Many points close together and a few far away: proportional sampling favours the far ones.
    X = np.vstack([rng.normal(0, 0.1, size=(200, 2)), rng.normal(0, 1, size=(3, 2)) + [30, -30]])
    yield Case("few_far_points", (X, 4, 2718), "weights")

    for i, (n, d, k, scale, offset) in enumerate(
        [
            (60, 2, 4, 1.0, 0.0),
            (300, 5, 6, 1e-6, 0.0),
            (400, 3, 5, 1e5, 0.0),
            (400, 2, 5, 1.0, 1e6),
            (2000, 50, 10, 1.0, 0.0),
            (1000, 10, 8, 3.0, -50.0),
        ]
    ):
        yield Case(
            f"random_blobs_{i}",
            (_blobs(rng, n, d, k, scale, offset), k, int(rng.integers(1_000_000))),
            "random",
        )

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    centers = np.array([[0.0, 0.0], [8.0, 0.0], [0.0, 8.0], [8.0, 8.0]])
    X = np.concatenate([c + rng.normal(0, 1.0, size=(40, 2)) for c in centers])
    yield Case("toy_four_blobs", (X, 4, 7), "toy data")


def _blobs(rng, n, d, k, scale, offset):
    centers = rng.normal(0, 10, size=(k, d))
    X = centers[rng.integers(0, k, size=n)] + rng.normal(0, 1.5, size=(n, d))
    return X * scale + offset
