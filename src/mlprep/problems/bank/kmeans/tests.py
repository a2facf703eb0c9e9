"""Hand-made edge cases first, then seeded blobs of many sizes, scales and offsets."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_blobs",
        (
            np.array([[0, 0], [0, 1], [10, 10], [10, 11]], float),
            np.array([[0, 0], [10, 10]], float),
        ),
        "basic",
    )
    # The middle point is exactly 1 away from both centroids: it must go to centroid 0.
    yield Case(
        "tie_goes_to_lowest_index",
        (np.array([[0.0], [1.0], [2.0]]), np.array([[0.0], [2.0]]), 1),
        "ties",
    )
    yield Case(
        "one_iteration",
        (np.array([[0, 0], [1, 0], [4, 0], [5, 0]], float), np.array([[0, 0], [1, 0]], float), 1),
        "iteration limit",
    )
    # Tie at every step: the point at 2 sits between centroids that move symmetrically.
    yield Case(
        "tie_later_iteration",
        (np.array([[0.0], [2.0], [4.0], [1.0], [3.0]]), np.array([[1.0], [3.0]]), 5),
        "ties",
    )
    # A centroid far away gets no points and must stay exactly where it is.
    yield Case(
        "empty_cluster_stays",
        (np.array([[0, 0], [1, 1], [0, 1]], float), np.array([[0, 0], [100, 100], [1, 1]], float)),
        "empty cluster",
    )
    yield Case(
        "k_larger_than_n",
        (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0, 0], [1, 2], [3, 4], [9, 9]], float)),
        "k > n",
    )
    yield Case("single_point", (np.array([[5.0, -3.0]]), np.array([[0.0, 0.0]])), "tiny")
    yield Case(
        "duplicate_points",
        (np.full((6, 2), 3.0), np.array([[3.0, 3.0], [0.0, 0.0]])),
        "duplicates",
    )
    # Identical initial centroids: every tie goes to index 0, index 1 stays empty.
    yield Case(
        "identical_initial_centroids",
        (np.array([[0.0], [1.0], [5.0]]), np.array([[2.0], [2.0]])),
        "ties",
    )
    # Two iterations are not enough to converge here: the cut must be respected.
    X, init = _slow_chain()
    yield Case("cut_short_by_max_iters", (X, init, 2), "iteration limit")
    yield Case("chain_converges", (X, init, 100), "convergence")

    for i, (n, d, k, scale, offset) in enumerate(
        [
            (60, 2, 3, 1.0, 0.0),
            (300, 5, 4, 1e-4, 0.0),
            (500, 3, 5, 1e4, 0.0),
            (400, 2, 3, 1.0, 1e6),
            (2000, 50, 8, 1.0, 0.0),
            (1000, 10, 6, 3.0, -50.0),
        ]
    ):
        X, init = _blobs(rng, n, d, k, scale, offset)
        yield Case(f"random_blobs_{i}", (X, init), "random")
    X, init = _blobs(rng, 200, 4, 5, 1.0, 0.0)
    yield Case("random_three_iterations", (X, init, 3), "iteration limit")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    centers = np.array([[0.0, 0.0], [6.0, 1.0], [2.0, 6.0]])
    X = np.concatenate([c + rng.normal(0, 1.0, size=(50, 2)) for c in centers])
    yield Case("toy_three_blobs", (X, X[[0, 50, 100]] + 0.5), "toy data")


def _blobs(rng, n, d, k, scale, offset):
    centers = rng.normal(0, 10, size=(k, d))
    X = centers[rng.integers(0, k, size=n)] + rng.normal(0, 1.5, size=(n, d))
    X = X * scale + offset
    init = X[rng.choice(n, size=k, replace=False)].copy()
    return X, init


def _slow_chain():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [20.0]])
    return X, np.array([[0.0], [1.0]])
