"""Hand-made tie, duplicate and no-split cases first, then seeded integer grids and blobs.

Random data are redrawn until every split whose gain is within 1e-9 of the best leaves exactly the
same class counts in its two children (possibly swapped), so any correct formula computes those
gains bit for bit equal and the lowest-feature, lowest-threshold rule alone decides, never
floating-point rounding.
"""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "basic_two_features",
        (_f([[3, 10], [1, 20], [3, 30], [2, 20], [5, 10]]), _i([1, 0, 1, 0, 4])),
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
    # all three reach the full gain of 1 bit and the lowest of them, feature 1, wins.
    base = _f([3, 1, 4, 1.5, 5, 9, 2.5, 6])
    yield Case(
        "tie_lowest_feature",
        (np.stack([base * 0 + 1, base, base + 10, -base], axis=1), _i([0, 0, 1, 0, 1, 1, 0, 1])),
        "ties",
    )
    # Features 0 and 1 reach the same gain with mirrored child counts: feature 0 wins, although
    # feature 1's threshold (3.0) is lower than feature 0's (3.5).
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
    # Every split leaves both children as mixed as the parent: gain 0, the first split is kept.
    yield Case(
        "xor_zero_gain",
        (_f([[0, 0], [0, 1], [1, 0], [1, 1]]), _i([0, 1, 1, 0])),
        "zero gain",
    )
    # One label only: feature 0 is constant; features 1 and 2 give the same halves, gain 0.
    yield Case(
        "pure_node",
        (_f([[5, 3, -3], [5, 1, -1], [5, 3, -3], [5, 1, -1]]), _i([6, 6, 6, 6])),
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
    # Splitting off the single rare label is worth less than a balanced cut of the other two.
    yield Case(
        "three_labels_uneven",
        (_f([[0], [1], [2], [3], [4], [5], [6], [7], [8]]), _i([0, 0, 0, 0, 1, 1, 1, 2, 1])),
        "multiclass",
    )

    for i, (n, d, side, labels) in enumerate(
        [(12, 2, 3, [0, 1]), (40, 3, 4, [0, 1, 2]), (200, 5, 6, [3, 7]), (400, 8, 10, [0, 2, 5, 9])]
    ):
        X, y = _until_unambiguous(
            lambda n=n, d=d, side=side, labels=labels: _grid(rng, n, d, side, labels)
        )
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
        X, y = _until_unambiguous(
            lambda n=n, d=d, labels=labels, scale=scale, offset=offset: _blobs(
                rng, n, d, labels, scale, offset
            )
        )
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


def _until_unambiguous(draw):
    for _ in range(100):
        X, y = draw()
        if _unambiguous(X, y):
            return X, y
    raise RuntimeError("no unambiguous data set drawn")


def _entropy(counts):
    p = np.asarray(counts, dtype=float) / sum(counts)
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def _unambiguous(X, y):
    """True when all splits within 1e-9 of the best gain leave the same pair of child counts."""
    classes = np.unique(y)
    n = len(y)
    scored = []
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys = X[order, j], y[order]
        left = np.cumsum(ys[:, None] == classes[None, :], axis=0)
        total = left[-1]
        for i in range(n - 1):
            if xs[i] == xs[i + 1]:
                continue
            lc, rc = tuple(int(v) for v in left[i]), tuple(int(v) for v in total - left[i])
            children = (i + 1) / n * _entropy(lc) + (n - i - 1) / n * _entropy(rc)
            scored.append((children, frozenset((lc, rc))))
    if not scored:
        return True
    best = min(s for s, _ in scored)
    return len({pair for s, pair in scored if s <= best + 1e-9}) == 1
