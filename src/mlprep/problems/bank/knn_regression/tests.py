"""Hand-made tie cases first, then seeded random data of many shapes.

Every tie is built from small integer coordinates, so it is exact whichever correct distance
formula a solution uses. Tied training points carry different targets, so the tie rule shows.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "line_of_points",
        (
            np.array([[0.0], [1.0], [2.0], [3.0], [10.0]]),
            np.array([1.0, 2.0, 4.0, 8.0, 100.0]),
            np.array([[0.2], [2.6], [9.0]]),
            2,
        ),
        "basic",
    )
    # (1, 1) is at distance 1 from training points 0, 1, 2 and 3; k = 2 keeps 0 and 1.
    yield Case(
        "distance_tie_lower_index",
        (
            np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 1.0], [1.0, 2.0], [5.0, 5.0]]),
            np.array([10.0, 20.0, 30.0, 40.0, 50.0]),
            np.array([[1.0, 1.0], [1.0, 0.0]]),
            2,
        ),
        "ties",
    )
    yield Case(
        "k_is_one",
        (
            np.array([[0.0, 0.0], [3.0, 4.0], [-2.0, 1.0]]),
            np.array([-1.5, 2.5, 7.0]),
            np.array([[0.1, 0.2], [3.0, 3.0], [-5.0, 0.0]]),
            1,
        ),
        "k = 1",
    )

    # Two copies of the same training point with different targets: the first copy wins.
    yield Case(
        "duplicate_training_points",
        (
            np.array([[2.0, 2.0], [0.0, 0.0], [2.0, 2.0], [2.0, 2.0]]),
            np.array([1.0, 5.0, 3.0, 9.0]),
            np.array([[2.0, 2.0], [1.0, 1.0]]),
            2,
        ),
        "ties",
    )
    # Test points on top of training points: distance 0 must be handled (no division by it).
    X = np.array([[0.0, 1.0], [4.0, 4.0], [1.0, -2.0], [3.0, 0.0]])
    yield Case(
        "test_points_on_training_points",
        (X, np.array([2.0, -4.0, 6.0, 1.0]), X[[1, 3, 0]].copy(), 3),
        "zero distance",
    )
    yield Case(
        "k_equals_n",
        (rng.normal(size=(7, 3)), rng.normal(size=7) * 5, rng.normal(size=(4, 3)), 7),
        "k = n",
    )
    yield Case(
        "single_training_point",
        (
            np.array([[1.0, 2.0, 3.0]]),
            np.array([4.5]),
            np.array([[0.0, 0.0, 0.0], [9.0, 9.0, 9.0]]),
            1,
        ),
        "tiny",
    )
    # A grid of integer points with many equal distances; ties at the k-th place everywhere.
    grid = np.array([[a, b] for a in range(-4, 5) for b in range(-4, 5)], dtype=float)
    order = rng.permutation(len(grid))
    yield Case(
        "integer_grid_many_ties",
        (
            grid[order],
            rng.integers(-50, 50, size=len(grid)).astype(float),
            rng.integers(-5, 6, size=(40, 2)).astype(float),
            6,
        ),
        "ties",
    )
    # Integer points, repeated, in 3-D: many exact ties between rows with different targets.
    Xi = rng.integers(0, 4, size=(300, 3)).astype(float)
    yield Case(
        "repeated_integer_points",
        (Xi, rng.normal(size=300) * 10, rng.integers(0, 4, size=(60, 3)).astype(float), 9),
        "ties",
    )
    # The nearest neighbour alone decides with k = 1; skipping it changes everything.
    yield Case(
        "k_one_random",
        (rng.normal(size=(50, 2)), rng.normal(size=50), rng.normal(size=(20, 2)), 1),
        "k = 1",
    )
    # Distances along one axis are tiny, along the other large: the metric must be Euclidean.
    yield Case(
        "euclidean_not_manhattan",
        (
            np.array([[3.0, 0.0], [2.0, 2.0], [0.0, 3.0], [-2.0, -2.0]]),
            np.array([1.0, 2.0, 3.0, 4.0]),
            np.array([[0.0, 0.0], [1.0, 1.0]]),
            1,
        ),
        "metric",
    )
    yield Case(
        "one_feature",
        (
            rng.uniform(-10, 10, size=(30, 1)),
            rng.normal(size=30),
            rng.uniform(-12, 12, size=(15, 1)),
            4,
        ),
        "1-D",
    )
    yield Case(
        "targets_far_from_zero",
        (rng.normal(size=(80, 4)), 1e6 + rng.normal(size=80), rng.normal(size=(25, 4)), 5),
        "large offset",
    )
    yield Case(
        "features_offset_and_scaled",
        (
            rng.normal(size=(200, 5)) * 1e3 + 500.0,
            rng.normal(size=200),
            rng.normal(size=(30, 5)) * 1e3 + 500.0,
            7,
        ),
        "scale",
    )
    yield Case(
        "tiny_scale",
        (
            rng.normal(size=(100, 3)) * 1e-4,
            rng.normal(size=100),
            rng.normal(size=(20, 3)) * 1e-4,
            3,
        ),
        "scale",
    )
    yield Case(
        "largest",
        (rng.normal(size=(2000, 50)), rng.normal(size=2000), rng.normal(size=(100, 50)), 15),
        "random",
    )
    Xs = rng.normal(size=(400, 8))
    ys = Xs @ rng.normal(size=8) + 0.1 * rng.normal(size=400)
    yield Case("smooth_function", (Xs, ys, rng.normal(size=(50, 8)), 10), "random")
