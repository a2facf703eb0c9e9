"""Hand-made cases on integer grids first (exact-eps distances, shared borders, numbering,
degenerate eps and min_samples), then seeded blobs with uniform noise of many shapes and scales.

Every exact tie (a distance equal to eps) is built from small integers or halves, so any
reasonable way of computing Euclidean distances gets it exactly.
"""

import numpy as np

from mlprep.problems import Case


def _col(values):
    return np.array(values, dtype=float).reshape(-1, 1)


def cases(rng):
    # The statement's example: consecutive points are exactly eps = 1 apart.
    yield Case("line_exact_eps", (_col([0, 1, 2, 3, 10, 11, 12, 20]), 1.0, 3), "exact eps")
    # Point 0 is a border point of two clusters; the cluster found first (core at index 1) wins.
    yield Case("shared_border_point", (_shared_border(), 1.0, 4), "shared border")

    # A plus-shaped neighbourhood on an integer grid: interior points have exactly 5 neighbours
    # (themselves and 4 at distance exactly 1), edge points 4 and corners 3.
    grid = np.array([[x, y] for x in range(5) for y in range(4)], dtype=float)
    yield Case("grid_plus_neighbourhood", (grid, 1.0, 5), "exact eps")
    # 3-4-5 triangles: chains of points exactly 5 apart, a gap of 10 between the chains.
    chain = np.array([[3 * t, 4 * t] for t in range(5)] + [[30 + 3 * t, 4 * t] for t in range(4)])
    yield Case("pythagorean_chain", (chain.astype(float), 5.0, 3), "exact eps")
    # Halves are exact too: neighbours 0.5 apart with eps = 0.5, in three dimensions.
    halves = np.array([[0.5 * t, 1.0, -2.0] for t in range(6)] + [[9.0, 9.0, 9.0]])
    yield Case("half_steps_3d", (halves, 0.5, 3), "exact eps")
    # eps = 0: only identical points are neighbours (distance 0 <= 0).
    dup = _col([4, 7, 4, 1, 7, 4, 9, 1.5])
    yield Case("eps_zero_duplicates", (dup, 0.0, 2), "eps = 0")
    yield Case(
        "min_samples_one_every_point_core", (_col([0, 1, 5, 6, 7, 20]), 1.0, 1), "min_samples = 1"
    )
    # A point alone still counts itself: with min_samples = 1 it is a cluster of its own.
    yield Case("isolated_points_min_samples_one", (_col([0, 3, 6, 9]), 1.0, 1), "min_samples = 1")
    yield Case("min_samples_above_n_all_noise", (_col([0, 0.5, 1, 1.5]), 2.0, 5), "all noise")
    yield Case("single_point_core", (np.array([[2.5, -1.0]]), 1.0, 1), "tiny")
    yield Case("single_point_noise", (np.array([[2.5, -1.0]]), 1.0, 2), "tiny")
    # Exactly min_samples neighbours including itself: each point of the pair is core.
    yield Case("pair_counts_itself", (_col([0, 1, 8]), 1.0, 2), "counting the point itself")
    # The first point by index is a border point of the cluster discovered second.
    yield Case("first_index_is_late_border", (_col([10, 0, 1, 2, 11, 12, 13]), 1.0, 3), "numbering")
    # The small cluster is found first and must be cluster 0.
    yield Case(
        "small_cluster_first", (_col([0, 1, 2, 50, 51, 52, 53, 54, 55, 56]), 1.0, 3), "numbering"
    )
    # A border point next to a noise point: the noise point must stay noise.
    tail = np.array([[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [2, 0], [3, 0], [4, 0]], float)
    yield Case("border_does_not_expand", (tail, 1.0, 4), "border points")
    # Two clusters bridged only through a border point: they must stay apart.
    yield Case("border_bridge_between_clusters", (_bridge(), 1.0, 4), "border points")
    # The shared border point again, now with the later cluster's core listed first overall.
    yield Case(
        "shared_border_other_order", (_shared_border()[::-1].copy(), 1.0, 4), "shared border"
    )
    # Four plus-shaped clusters in a row, sharing the border points between them, in shuffled order.
    plus_chain = [[x, y] for x in (0, 2, 4, 6) for y in (-1, 0, 1)] + [
        [x, 0] for x in (-1, 1, 3, 5, 7)
    ]
    plus_chain = np.array(plus_chain, dtype=float)[rng.permutation(17)]
    yield Case("plus_chain_shared_borders", (plus_chain, 1.0, 4), "shared border")
    yield Case("everything_one_cluster", (rng.normal(size=(60, 3)), 100.0, 2), "one cluster")

    for i, (n, d, k, eps, min_samples, scale, offset) in enumerate(
        [
            (120, 2, 3, 0.9, 4, 1.0, 0.0),
            (400, 2, 5, 0.7, 5, 1.0, 0.0),
            (300, 5, 4, 2.2, 6, 1.0, 0.0),
            (250, 3, 3, 0.9e-3, 4, 1e-3, 0.0),
            (250, 2, 4, 0.8e3, 5, 1e3, 0.0),
            (300, 2, 3, 0.9, 4, 1.0, 1e4),
            (200, 20, 3, 6.0, 5, 1.0, -7.0),
            (1000, 2, 6, 0.5, 8, 1.0, 0.0),
        ]
    ):
        X = _blobs_with_noise(rng, n, d, k) * scale + offset
        yield Case(f"random_blobs_{i}", (X, eps * 1.0, min_samples), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    yield Case("toy_two_blobs_and_noise", (_toy(rng), 0.8, 4), "toy data")


def _shared_border():
    """Index 0 is a border point at distance 1 from two cores; the core at index 1 comes first."""
    return np.array(
        [
            [0, 0],  # shared border point
            [1, 0],  # core of the cluster found first
            [2, 0],
            [1, 1],
            [1, -1],
            [-1, 0],  # core of the cluster found second
            [-2, 0],
            [-1, 1],
            [-1, -1],
        ],
        dtype=float,
    )


def _bridge():
    """Two plus-shaped clusters whose arms both touch one border point in the middle."""
    left = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]]
    right = [[4, 0], [3, 0], [5, 0], [4, 1], [4, -1]]
    return np.array([[2, 0]] + right + left, dtype=float)


def _blobs_with_noise(rng, n, d, k):
    n_noise = n // 10
    centers = rng.uniform(-10, 10, size=(k, d))
    sizes = rng.multinomial(n - n_noise, rng.dirichlet(np.full(k, 2.0)))
    parts = [c + rng.normal(0, 0.6, size=(m, d)) for c, m in zip(centers, sizes, strict=True)]
    parts.append(rng.uniform(-12, 12, size=(n_noise, d)))
    X = np.concatenate(parts)
    return X[rng.permutation(n)]


def _toy(rng):
    a = rng.normal(0, 0.5, size=(40, 2)) + [0.0, 0.0]
    b = rng.normal(0, 0.5, size=(40, 2)) + [4.0, 2.0]
    noise = rng.uniform(-3, 7, size=(12, 2))
    X = np.concatenate([a, b, noise])
    return X[rng.permutation(len(X))]
