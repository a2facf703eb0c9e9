"""Hand-made tie and label cases first, then seeded integer grids (many exact ties) and blobs."""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_groups",
        (
            _f([[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]]),
            _i([0, 0, 0, 1, 1, 1]),
            _f([[1, 1], [5, 4], [4, 4]]),
            3,
        ),
        "basic",
    )
    # Point 1 is exactly 1 away from training points 0 and 1; point 3 from 1 and 2.
    yield Case(
        "distance_tie_lower_index",
        (_f([[0], [2], [4]]), _i([5, 3, 8]), _f([[1], [3]]), 1),
        "distance ties",
    )
    # One vote each for labels 4 and 1: the smaller label wins, although 4 is nearer.
    yield Case(
        "vote_tie_smallest_label",
        (_f([[0, 0], [3, 0], [0, 4]]), _i([4, 1, 9]), _f([[1, 0]]), 2),
        "vote ties",
    )

    # Four training points at distance 1 from 0 (and three from 2); only the first three count.
    yield Case(
        "distance_tie_cut_at_k",
        (_f([[1], [-1], [1], [-1], [3]]), _i([7, 7, 2, 2, 2]), _f([[0], [2]]), 3),
        "distance ties",
    )
    # Twelve integer points on the circle of radius 5 around the origin: all exactly tied.
    ring = [
        [5, 0],
        [4, 3],
        [3, 4],
        [0, 5],
        [-3, 4],
        [-4, 3],
        [-5, 0],
        [-4, -3],
        [-3, -4],
        [0, -5],
        [3, -4],
        [4, -3],
    ]
    yield Case(
        "distance_tie_integer_circle",
        (_f(ring + [[9, 9]]), _i([3, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]), _f([[0, 0]]), 4),
        "distance ties",
    )
    yield Case(
        "distance_tie_in_3d",
        (
            _f([[2, 1, 2], [0, 0, 3], [3, 0, 0], [1, 2, 2]]),
            _i([1, 0, 1, 0]),
            _f([[0, 0, 0], [1, 1, 1]]),
            1,
        ),
        "distance ties",
    )
    # Six voters, two votes for each of 9, 5 and 6; the nearest point has the largest label.
    yield Case(
        "vote_tie_three_labels",
        (_f([[1], [2], [3], [4], [5], [6], [7]]), _i([9, 9, 5, 6, 5, 6, 5]), _f([[0]]), 6),
        "vote ties",
    )
    yield Case(
        "vote_tie_nearest_has_larger_label",
        (_f([[0, 1], [0, 2], [0, -3], [0, -4], [8, 8]]), _i([6, 6, 2, 2, 2]), _f([[0, 0]]), 4),
        "vote ties",
    )
    yield Case(
        "k_equals_one",
        (
            _f([[0, 0], [10, 0], [0, 10], [10, 10]]),
            _i([3, 1, 4, 1]),
            _f([[1, 2], [9, 1], [2, 8], [7, 7], [5, 4]]),
            1,
        ),
        "k = 1",
    )
    # Every training point votes: labels 6 and 3 have two votes each, so 3 always wins.
    yield Case(
        "k_equals_n_train",
        (
            _f([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]),
            _i([6, 3, 6, 3, 1]),
            _f([[0, 0], [4, 4], [100, -7]]),
            5,
        ),
        "k = n",
    )
    yield Case(
        "single_training_point",
        (_f([[2.5, -1.0]]), _i([8]), _f([[0, 0], [2.5, -1.0], [1e3, 1e3]]), 1),
        "k = n",
    )
    # Thirty training points at the very same spot: the first ten (all label 0) are the voters.
    same_X = _f([[1, 1]] * 30 + [[9, 9]])
    same_y = _i([0] * 10 + [1] * 20 + [0])
    yield Case("many_equal_distances", (same_X, same_y, _f([[0, 0], [1, 1]]), 10), "distance ties")
    # 100 points cycling through 0..4 on a line, queried at every half step: long runs of equal
    # distances that an unstable sort reorders.
    line = (np.arange(100) % 5).astype(float)[:, None]
    line_y = rng.integers(0, 3, size=100)
    queries = (np.arange(-2, 11) / 2)[:, None]
    yield Case("cycling_line_many_ties", (line, line_y, queries, 30), "distance ties")
    # Three copies of the same point with different labels.
    dup_X = _f([[1, 1], [1, 1], [1, 1], [4, 4], [4, 4]])
    dup_y = _i([9, 2, 2, 9, 0])
    dup_test = _f([[1, 1], [0, 0], [4, 4]])
    yield Case("duplicates_k1", (dup_X, dup_y, dup_test, 1), "duplicates")
    yield Case("duplicates_k2", (dup_X, dup_y, dup_test, 2), "duplicates")
    yield Case("duplicates_k4", (dup_X, dup_y, dup_test, 4), "duplicates")

    X, y = _blobs(rng, 60, 3, [0, 1, 2], 1.0, 0.0)
    yield Case("test_points_are_training_points_k1", (X, y, X[::2].copy(), 1), "test = train")
    yield Case("test_points_are_training_points_k3", (X, y, X[1::3].copy(), 3), "test = train")

    X, y = _blobs(rng, 80, 2, [2, 7], 1.0, 0.0)
    Xt, _ = _blobs(rng, 40, 2, [2, 7], 1.0, 0.0)
    yield Case("labels_two_and_seven", (X, y, Xt, 4), "labels")
    X, y = _blobs(rng, 90, 4, [1000, 3, 40], 1.0, 0.0)
    Xt, _ = _blobs(rng, 30, 4, [0], 1.0, 0.0)
    yield Case("large_label_values", (X, y, Xt, 6), "labels")
    X, _ = _blobs(rng, 30, 2, [0], 1.0, 0.0)
    Xt, _ = _blobs(rng, 10, 2, [0], 1.0, 0.0)
    yield Case("one_class_only", (X, np.full(30, 4, dtype=np.int64), Xt, 5), "one class")

    # Small integer coordinates: a great many exact distance ties and vote ties.
    for i, (n, m, side, d, k, labels) in enumerate(
        [
            (200, 100, 4, 2, 5, [0, 1, 2]),
            (300, 150, 3, 3, 10, [1, 5]),
            (500, 100, 5, 2, 8, [0, 2, 4, 6]),
            (100, 60, 2, 4, 25, [7, 3, 9]),
        ]
    ):
        X = rng.integers(0, side, size=(n, d)).astype(float)
        Xt = rng.integers(-1, side + 1, size=(m, d)).astype(float)
        y = np.asarray(labels, dtype=np.int64)[rng.integers(0, len(labels), size=n)]
        yield Case(f"random_integer_grid_{i}", (X, y, Xt, k), "distance ties")

    for i, (n, d, m, k, labels, scale, offset) in enumerate(
        [
            (100, 2, 30, 5, [0, 1], 1.0, 0.0),
            (500, 5, 100, 7, [0, 1, 2, 3], 1e-3, 0.0),
            (2000, 50, 50, 15, [0, 1, 2], 1.0, 0.0),
            (1000, 3, 200, 4, [4, 1, 0], 1e3, 100.0),
            (800, 10, 100, 10, [0, 1], 2.0, 0.0),
        ]
    ):
        X, y = _blobs(rng, n, d, labels, scale, offset)
        Xt, _ = _blobs(rng, m, d, labels, scale, offset)
        yield Case(f"random_blobs_{i}", (X, y, Xt, k), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    centers = np.array([[0.0, 0.0], [4.0, 0.0], [2.0, 3.5]])
    y_train = np.repeat(np.arange(3), 40)
    X_train = centers[y_train] + rng.normal(0, 1.2, size=(120, 2))
    X_test = rng.uniform(-2.0, 6.0, size=(60, 2))
    yield Case("toy_three_classes", (X_train, y_train, X_test, 5), "toy data")


def _blobs(rng, n, d, labels, scale, offset):
    """Overlapping Gaussian blobs, one per label, so votes are often close."""
    labels = np.asarray(labels, dtype=np.int64)
    centers = rng.normal(0, 2.0, size=(len(labels), d))
    which = rng.integers(0, len(labels), size=n)
    X = (centers[which] + rng.normal(0, 1.5, size=(n, d))) * scale + offset
    return X, labels[which]
