"""Hand-made tie, duplicate and no-split cases first, then seeded integer grids and blobs.

Random data are redrawn until the best impurity is reached by one split only, or by several that
leave exactly the same class counts in their two children (so any formula computes them equal):
then the lowest-feature, lowest-threshold rule alone decides, never floating-point rounding.
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
        "basic_two_features",
        (_f([[1, 5], [2, 3], [3, 8], [4, 1], [5, 7], [6, 2]]), _i([0, 0, 0, 1, 1, 1])),
        "basic",
    )
    # Cutting after the second or the sixth point leaves the same counts, mirrored: take 1.5.
    yield Case(
        "tie_lowest_threshold",
        (_f([[0], [1], [2], [3], [4], [5], [6], [7]]), _i([0, 0, 1, 1, 1, 1, 0, 0])),
        "ties",
    )
    yield Case(
        "no_split_constant_features",
        (_f([[2, -1], [2, -1], [2, -1], [2, -1], [2, -1]]), _i([4, 1, 4, 9, 4])),
        "no split",
    )

    # Feature 0 is constant; features 2 and 3 are a shifted and a mirrored copy of feature 1, so
    # all three reach impurity 0 and the lowest of them, feature 1, wins.
    base = _f([3, 1, 4, 1.5, 5, 9, 2.5, 6])
    yield Case(
        "tie_lowest_feature",
        (np.stack([base * 0 + 1, base, base + 10, -base], axis=1), _i([0, 0, 1, 0, 1, 1, 0, 1])),
        "ties",
    )
    # Features 0 and 1 reach the same impurity with mirrored child counts: feature 0 wins,
    # although feature 1's threshold (3.0) is lower than feature 0's (3.5).
    yield Case(
        "tie_feature_before_threshold",
        (
            np.stack([_f([0, 1, 2, 3, 4, 5]), _f([5, 4, 3, 2, 1, 0]) * 2], axis=1),
            _i([1, 1, 1, 1, 0, 1]),
        ),
        "ties",
    )
    # Runs of equal values: a cut between two equal values is not a split.
    yield Case(
        "duplicate_values",
        (_f([[1], [1], [1], [2], [2], [3]]), _i([0, 0, 1, 1, 1, 1])),
        "duplicates",
    )
    yield Case(
        "duplicate_values_unsorted",
        (_f([[7, 0], [3, 0], [7, 0], [3, 0], [3, 0], [5, 0], [7, 0]]), _i([1, 0, 1, 1, 0, 2, 1])),
        "duplicates",
    )
    # Every split leaves both children as mixed as the parent; the first one is still returned.
    yield Case(
        "xor_no_split_improves",
        (_f([[0, 0], [0, 1], [1, 0], [1, 1]]), _i([0, 1, 1, 0])),
        "no improvement",
    )
    # One label only: every split has impurity 0, feature 0 is constant, so feature 1 and its
    # lowest threshold win.
    yield Case(
        "pure_node",
        (_f([[5, 3], [5, 1], [5, 2], [5, 2]]), _i([6, 6, 6, 6])),
        "pure",
    )
    yield Case("single_row", (_f([[1.5, -2.0, 0.0]]), _i([3])), "no split")
    yield Case("two_rows", (_f([[0.25, 7], [-0.75, 7]]), _i([2, 5])), "tiny")
    yield Case(
        "constant_features_three_labels",
        (np.full((6, 3), -4.5), _i([0, 1, 2, 2, 1, 1])),
        "no split",
    )
    yield Case(
        "negative_and_fractional_values",
        (
            _f([[-2.5, 0.1], [-0.5, 0.3], [0.75, 0.2], [-1.25, 0.7], [3.0, 0.5]]),
            _i([8, 8, 2, 2, 2]),
        ),
        "thresholds",
    )

    for i, (n, d, side, labels) in enumerate(
        [(12, 2, 3, [0, 1]), (40, 3, 4, [0, 1, 2]), (200, 5, 6, [3, 7]), (400, 8, 10, [0, 2, 5, 9])]
    ):
        X, y = _until_unambiguous(_grid, rng, n, d, side, labels)
        yield Case(f"random_integer_grid_{i}", (X, y), "duplicates")

    for i, (n, d, labels, scale, offset) in enumerate(
        [
            (30, 2, [0, 1], 1.0, 0.0),
            (150, 4, [0, 1, 2], 1.0, 0.0),
            (300, 10, [1, 4], 1e-5, 0.0),
            (300, 3, [0, 1, 2, 3], 1e4, 0.0),
            (200, 3, [6, 2, 0], 1.0, 1e6),
        ]
    ):
        X, y = _until_unambiguous(_blobs, rng, n, d, labels, scale, offset)
        yield Case(f"random_blobs_{i}", (X, y), "random")


def _grid(rng, n, d, side, labels):
    X = rng.integers(0, side, size=(n, d)).astype(float)
    y = np.asarray(labels, dtype=np.int64)[rng.integers(0, len(labels), size=n)]
    return X, y


def _blobs(rng, n, d, labels, scale, offset):
    labels = np.asarray(labels, dtype=np.int64)
    centers = rng.normal(0, 1.0, size=(len(labels), d))
    which = rng.integers(0, len(labels), size=n)
    X = (centers[which] + rng.normal(0, 1.5, size=(n, d))) * scale + offset
    return X, labels[which]


def _until_unambiguous(draw, rng, *args):
    for _ in range(100):
        X, y = draw(rng, *args)
        if _unambiguous(X, y):
            return X, y
    raise RuntimeError("no unambiguous data set drawn")


def _unambiguous(X, y):
    """True when every best split (in exact arithmetic) leaves the same pair of child counts."""
    classes = np.unique(y)
    n = len(y)
    best, pairs = None, set()
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys = X[order, j], y[order]
        left = np.cumsum(ys[:, None] == classes[None, :], axis=0)
        total = left[-1]
        for i in range(n - 1):
            if xs[i] == xs[i + 1]:
                continue
            lc, rc = tuple(int(v) for v in left[i]), tuple(int(v) for v in total - left[i])
            value = -(
                Fraction(sum(c * c for c in lc), i + 1)
                + Fraction(sum(c * c for c in rc), n - i - 1)
            )
            if best is None or value < best:
                best, pairs = value, {frozenset((lc, rc))}
            elif value == best:
                pairs.add(frozenset((lc, rc)))
    return len(pairs) <= 1
