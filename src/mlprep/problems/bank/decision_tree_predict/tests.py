"""Hand-made stopping, tie and threshold cases first, then seeded integer grids and blobs.

Random data are redrawn until, at every node the tree examines, the best impurity (in exact
arithmetic) is reached only by splits with the very same child label counts, and is either 0 or
clearly different from the node's own impurity. Rounding then never decides a split; the tie
rules do. Integer-grid test points sit on the half-integer thresholds themselves.
"""

from fractions import Fraction

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_level_tree",
        (
            _f([[1, 1], [2, 1], [3, 2], [1, 4], [2, 5], [3, 4], [6, 1], [7, 5], [6, 3]]),
            _i([0, 0, 0, 1, 1, 1, 2, 2, 2]),
            _f([[2, 2], [2, 4], [6, 3], [4.5, 1], [4.75, 1], [1, 3]]),
            2,
        ),
        "basic",
    )
    yield Case(
        "depth_zero_single_leaf",
        (_f([[0], [1], [2], [3]]), _i([7, 3, 7, 3]), _f([[0], [10]]), 0),
        "depth 0",
    )
    # Every single split leaves both children exactly as mixed as the parent: no split is made,
    # although a second level would separate the classes perfectly.
    yield Case(
        "xor_no_gain_stops",
        (_f([[0, 0], [0, 1], [1, 0], [1, 1]]), _i([1, 0, 0, 1]), _f([[0, 0], [1, 0]]), 2),
        "no gain",
    )

    xor = _f([[0, 0, 5], [0, 1, 5], [1, 0, 5], [1, 1, 5]] * 2)
    yield Case(
        "xor_duplicated_deep",
        (xor, _i([8, 3, 3, 8] * 2), _f([[0, 0, 5], [0, 1, 5], [1, 1, 5]]), 4),
        "no gain",
    )
    # XOR plus one point: now the root split gains, and the children split again.
    yield Case(
        "xor_broken_by_one_point",
        (
            _f([[0, 0], [0, 1], [1, 0], [1, 1], [2, 2]]),
            _i([1, 0, 0, 1, 1]),
            _f([[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [0.5, 0.5]]),
            3,
        ),
        "no gain",
    )
    yield Case(
        "depth_zero_largest_class",
        (_f([[0, 1], [1, 1], [2, 0], [3, 0], [4, 4]]), _i([5, 2, 5, 9, 5]), _f([[0, 0]]), 0),
        "depth 0",
    )
    # A staircase of labels needs one level per step: each max_depth cuts it at a different place.
    stair_y = np.repeat(_i([0, 1, 2, 3, 4]), [1, 2, 3, 4, 5])
    stair_X = np.arange(15, dtype=float)[:, None]
    stair_T = (np.arange(-1, 31) / 2)[:, None]
    for depth in (1, 2, 3, 4):
        yield Case(f"staircase_depth_{depth}", (stair_X, stair_y, stair_T, depth), "depth limit")
    # A depth-1 leaf holds two rows of label 6 and two of label 4: the smaller label wins.
    yield Case(
        "leaf_majority_tie",
        (
            _f([[0], [1], [2], [3], [10], [11], [12]]),
            _i([6, 4, 4, 6, 1, 1, 1]),
            _f([[1.5], [11], [6.5], [6.6]]),
            1,
        ),
        "majority ties",
    )
    # Features 0 and 1 separate the training rows equally well; the test rows tell them apart.
    yield Case(
        "feature_tie_lowest_index",
        (
            _f([[0, 10], [1, 11], [2, 12], [3, 13], [4, 14], [5, 15]])[:, ::-1] * _f([-1, 1]),
            _i([0, 0, 0, 1, 1, 1]),
            _f([[-12.5, 0], [-12.5, 5], [-10, 5], [-15, 0], [-11, 2.5], [-13, 2.5]]),
            1,
        ),
        "ties",
    )
    # The cuts at 1.5 and 5.5 tie (mirrored counts); the lower one is taken first.
    yield Case(
        "threshold_tie_lowest",
        (
            _f([[0], [1], [2], [3], [4], [5], [6], [7]]),
            _i([0, 0, 1, 1, 1, 1, 0, 0]),
            _f([[1], [1.5], [1.6], [3.5], [5.5], [6], [8]]),
            1,
        ),
        "ties",
    )
    # Test rows exactly on a threshold go left; rows between a value and the midpoint too.
    yield Case(
        "test_points_on_thresholds",
        (
            _f([[0, 0], [2, 0], [4, 1], [6, 1], [8, 0]]),
            _i([1, 1, 2, 2, 5]),
            _f([[1, 0], [3, 0], [5, 1], [7, 1], [2.9, 0], [3.1, 0], [6.5, 0], [7.5, 0]]),
            3,
        ),
        "thresholds",
    )
    yield Case(
        "constant_features",
        (np.full((6, 2), 3.5), _i([2, 9, 9, 2, 9, 4]), _f([[3.5, 3.5], [0, 100]]), 3),
        "no split",
    )
    yield Case("single_training_row", (_f([[1.0, 2.0]]), _i([4]), _f([[0, 0], [1, 2]]), 2), "tiny")
    yield Case(
        "one_class_only",
        (rng.normal(size=(25, 3)), np.full(25, 3, dtype=np.int64), rng.normal(size=(10, 3)), 5),
        "pure",
    )

    for i, (n, m, d, side, labels, depth) in enumerate(
        [
            (30, 40, 2, 4, [0, 1], 2),
            (80, 60, 3, 5, [0, 1, 2], 3),
            (200, 100, 4, 6, [2, 7], 4),
            (300, 100, 5, 4, [0, 3, 5, 9], 6),
            (150, 80, 2, 8, [1, 0, 4], 10),
        ]
    ):
        X, y, T = _until_unambiguous(depth, _grid, rng, n, m, d, side, labels)
        yield Case(f"random_integer_grid_{i}", (X, y, T, depth), "random grid")

    for i, (n, m, d, labels, depth, scale, offset) in enumerate(
        [
            (100, 50, 2, [0, 1], 3, 1.0, 0.0),
            (300, 100, 4, [0, 1, 2], 5, 1.0, 0.0),
            (250, 80, 6, [4, 1], 8, 1e-5, 0.0),
            (300, 100, 3, [0, 1, 2, 3], 4, 1e4, 0.0),
            (200, 100, 3, [6, 2, 0], 3, 1.0, 1e6),
            (400, 100, 8, [0, 1], 1, 1.0, 0.0),
        ]
    ):
        X, y, T = _until_unambiguous(depth, _blobs, rng, n, m, d, labels, scale, offset)
        yield Case(f"random_blobs_{i}", (X, y, T, depth), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    centers = np.array([[0.0, 0.0], [5.0, 1.0], [2.0, 5.0]])
    y_train = np.repeat(np.arange(3, dtype=np.int64), 40)
    X_train = centers[y_train] + rng.normal(0, 1.2, size=(120, 2))
    X_test = rng.uniform(-2.0, 7.0, size=(60, 2))
    yield Case("toy_three_classes", (X_train, y_train, X_test, 3), "toy data")


def _grid(rng, n, m, d, side, labels):
    """Small integer features; test rows on the half-integer grid, thresholds included."""
    X = rng.integers(0, side, size=(n, d)).astype(float)
    y = np.asarray(labels, dtype=np.int64)[rng.integers(0, len(labels), size=n)]
    T = rng.integers(-1, 2 * side + 1, size=(m, d)) / 2
    return X, y, T


def _blobs(rng, n, m, d, labels, scale, offset):
    """n training and m test rows from overlapping Gaussian blobs, one per label."""
    labels = np.asarray(labels, dtype=np.int64)
    centers = rng.normal(0, 1.0, size=(len(labels), d))
    which = rng.integers(0, len(labels), size=n + m)
    X = (centers[which] + rng.normal(0, 1.5, size=(n + m, d))) * scale + offset
    return X[:n], labels[which[:n]], X[n:]


def _until_unambiguous(max_depth, draw, rng, *args):
    for _ in range(100):
        X, y, T = draw(rng, *args)
        if _unambiguous(X, y, max_depth):
            return X, y, T
    raise RuntimeError("no unambiguous data set drawn")


def _unambiguous(X, y, max_depth, depth=0):
    """Grow the tree in exact arithmetic; False if rounding could change any decision."""
    n = len(y)
    classes = np.unique(y)
    if depth >= max_depth or len(classes) == 1:
        return True
    parent = Fraction(sum(int((y == c).sum()) ** 2 for c in classes), n)  # larger = purer
    best, tied = None, []
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys = X[order, j], y[order]
        left = np.cumsum(ys[:, None] == classes[None, :], axis=0)
        total = left[-1]
        for i in range(n - 1):
            if xs[i] == xs[i + 1]:
                continue
            lc, rc = tuple(int(v) for v in left[i]), tuple(int(v) for v in total - left[i])
            value = Fraction(sum(c * c for c in lc), i + 1) + Fraction(
                sum(c * c for c in rc), n - i - 1
            )
            if best is None or value > best:
                best, tied = value, [(j, (xs[i] + xs[i + 1]) / 2, lc, rc)]
            elif value == best:
                tied.append((j, (xs[i] + xs[i + 1]) / 2, lc, rc))
    if best is None:
        return True
    if not _rounding_safe(n, tied, best == parent):
        return False
    if best == parent:
        return True  # no gain: a leaf
    j, t = tied[0][:2]
    go_left = X[:, j] <= t
    return _unambiguous(X[go_left], y[go_left], max_depth, depth + 1) and _unambiguous(
        X[~go_left], y[~go_left], max_depth, depth + 1
    )


def _rounding_safe(n, tied, equals_parent):
    """Whether every usual formula computes the tied impurities (and the parent's) identically.

    Safe: all sizes are powers of two (every value is then exact), or, with no tie against the
    parent, all tied splits leave the same children up to swapping sides and relabelling children
    with at most two labels present.
    """
    sizes = [n] + [sum(c) for _, _, lc, rc in tied for c in (lc, rc)]
    if all(k & (k - 1) == 0 for k in sizes):
        return True
    return not equals_parent and len({frozenset(map(_shape, t[2:])) for t in tied}) == 1


def _shape(counts):
    present = sorted(c for c in counts if c)
    return tuple(present) if len(present) <= 2 else (None, *counts)
