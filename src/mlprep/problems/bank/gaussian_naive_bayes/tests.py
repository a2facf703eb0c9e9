"""Hand-made tie, prior and smoothing cases first, then seeded blobs of many scales and shapes.

Random test points whose two best classes score within a hair of each other are dropped, so
only the deliberate ties (built from small integers, exact in any formula) decide by the rule.
"""

import numpy as np

from mlprep.problems import Case


def _f(rows):
    return np.array(rows, dtype=float)


def _i(values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    yield Case(
        "two_classes_basic",
        (
            _f([[1, 2], [2, 1], [3, 3], [6, 5], [7, 7], [8, 6]]),
            _i([0, 0, 0, 1, 1, 1]),
            _f([[2, 2], [7, 6], [4, 4], [5, 5]]),
        ),
        "basic",
    )
    # Classes 3 and 5 have equal priors and variances; the test point 3 is midway between means.
    yield Case(
        "tie_goes_to_smallest_label",
        (_f([[4], [6], [0], [2]]), _i([5, 5, 3, 3]), _f([[3], [1], [5]])),
        "ties",
    )
    # Feature 1 is constant inside class 0: its variance is only the smoothing term.
    yield Case(
        "constant_feature_in_a_class",
        (
            _f([[0, 1], [2, 1], [4, 1], [1, 0], [3, 4], [5, 8]]),
            _i([0, 0, 0, 1, 1, 1]),
            _f([[2, 1], [2, 1.5], [3, 3]]),
            0.01,
        ),
        "smoothing",
    )

    # Three square classes in a row with equal spreads: the points 3 and 7 on the middle line are
    # exactly between two class means.
    yield Case(
        "tie_three_classes",
        (
            _f(
                [[0, 0], [2, 0], [0, 2], [2, 2], [4, 0], [6, 0], [4, 2], [6, 2]]
                + [[8, 0], [10, 0], [8, 2], [10, 2]]
            ),
            _i([9, 9, 9, 9, 4, 4, 4, 4, 6, 6, 6, 6]),
            _f([[3, 1], [7, 1], [5, 1], [1, 1]]),
        ),
        "ties",
    )
    # Two mirrored classes (8 above, 1 below); every test row is on the mirror line y = 0.
    yield Case(
        "tie_on_mirror_line",
        (
            _f([[0, 1], [2, 3], [4, 2], [0, -1], [2, -3], [4, -2]]),
            _i([8, 8, 8, 1, 1, 1]),
            _f([[2, 0], [-5, 0], [30, 0], [2, 0.5], [2, -0.5]]),
        ),
        "ties",
    )
    # Same likelihoods at the test point 3, but label 7 has twice the prior of label 2.
    yield Case(
        "prior_breaks_likelihood_tie",
        (_f([[0], [2], [0], [2], [4], [6]]), _i([7, 7, 7, 7, 2, 2]), _f([[3], [3.5], [2.5]])),
        "priors",
    )
    # Class 1 is 15 times as frequent: the prior moves the border well past the midpoint.
    X = np.concatenate([rng.normal(0, 1, size=(10, 2)), rng.normal(2, 1, size=(150, 2))])
    y = _i([0] * 10 + [1] * 150)
    grid = np.linspace(-1, 3, 25)
    Xt = np.stack([grid, grid], axis=1)
    yield Case("unbalanced_priors", (X, y, *_kept(X, y, Xt, 1e-9)), "priors")
    # Classes of two or three points: n_c versus n_c - 1 in the variance matters a lot.
    X = _f([[0, 0], [1, 3], [5, 5], [7, 4], [6, 9], [2, 8], [3, 7]])
    y = _i([1, 1, 4, 4, 4, 0, 0])
    Xt = _f([[x, z] for x in range(-2, 10) for z in range(-2, 11)]) + 0.25
    yield Case("tiny_classes_biased_variance", (X, y, *_kept(X, y, Xt, 1e-9)), "variance")
    yield Case(
        "class_with_one_sample",
        (
            _f([[0, 0], [1, 1], [2, 0], [1, 2], [5, 5]]),
            _i([0, 0, 0, 0, 8]),
            _f([[5, 5], [5.001, 5], [4, 4], [1, 1]]),
            1e-3,
        ),
        "smoothing",
    )
    yield Case(
        "one_class_only",
        (
            rng.normal(3, 2, size=(20, 3)),
            np.full(20, 6, dtype=np.int64),
            rng.normal(0, 5, size=(7, 3)),
        ),
        "one class",
    )
    yield Case(
        "single_training_row_per_class",
        (_f([[0, 0], [4, 0], [0, 4]]), _i([2, 0, 1]), _f([[1, 0.5], [3, 0.5], [0.5, 3]]), 0.1),
        "smoothing",
    )

    # Features of wildly different spreads, some constant inside a class, large var_smoothing:
    # the smoothing term must come from the single largest variance over all training data.
    for i, (smoothing, constant) in enumerate([(0.05, [1, 3]), (1.0, [0]), (1e-3, [2, 4])]):
        X, y, Xt = _spread_features(rng, constant)
        yield Case(f"smoothing_scale_{i}", (X, y, *_kept(X, y, Xt, smoothing)), "smoothing")

    # Far-away test points in 50 dimensions: every density underflows to 0 outside log space.
    X, y, _, _ = _blobs(rng, 300, 0, 50, [0, 1, 2], 1.0, 0.0)
    Xt = rng.normal(0, 40, size=(30, 50))
    yield Case("far_points_need_logs", (X, y, *_kept(X, y, Xt, 1e-9)), "underflow")

    X, y, _, _ = _blobs(rng, 200, 0, 4, [3, 5, 8], 1.0, 0.0)
    Xt = rng.normal(0, 1, size=(20, 4)) * 300.0
    yield Case("far_points_need_logs_4d", (X, y, *_kept(X, y, Xt, 1e-9)), "underflow")

    for i, (n, d, m, labels, scale, offset, smoothing) in enumerate(
        [
            (100, 2, 40, [0, 1], 1.0, 0.0, 1e-9),
            (400, 5, 100, [2, 7], 1.0, 0.0, 1e-9),
            (300, 4, 80, [1000, 3, 40], 1.0, 0.0, 1e-2),
            (500, 3, 100, [0, 1, 2, 3], 1e-6, 0.0, 1e-9),
            (500, 3, 100, [0, 1, 2], 1e4, 0.0, 1e-9),
            (400, 4, 100, [5, 1], 1.0, 1e6, 1e-9),
            (2000, 50, 200, [0, 1, 2, 3, 4], 1.0, 0.0, 1e-9),
            (60, 8, 50, [4, 0, 9], 3.0, -50.0, 0.5),
        ]
    ):
        X, y, Xt, _ = _blobs(rng, n, m, d, labels, scale, offset)
        yield Case(f"random_blobs_{i}", (X, y, *_kept(X, y, Xt, smoothing)), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    centers = np.array([[0.0, 0.0], [5.0, 1.0], [2.0, 5.0]])
    y_train = np.repeat(np.arange(3, dtype=np.int64), 40)
    X_train = centers[y_train] + rng.normal(0, 1.0, size=(120, 2)) * np.array([1.5, 0.7])
    X_test = centers[rng.integers(0, 3, size=60)] + rng.normal(0, 1.6, size=(60, 2))
    yield Case("toy_three_classes", (X_train, y_train, X_test), "toy data")


def _blobs(rng, n, m, d, labels, scale, offset):
    """n training and m test rows from overlapping blobs, each with its own spread per feature."""
    labels = np.asarray(labels, dtype=np.int64)
    centers = rng.normal(0, 2.0, size=(len(labels), d))
    spreads = rng.uniform(0.3, 3.0, size=(len(labels), d))
    which = rng.integers(0, len(labels), size=n + m)
    which[: len(labels)] = np.arange(len(labels))  # every label present in the training rows
    X = (centers[which] + spreads[which] * rng.normal(size=(n + m, d))) * scale + offset
    y = labels[which]
    return X[:n], y[:n], X[n:], y[n:]


def _spread_features(rng, constant):
    """Five features with spreads from 1e-3 to 1e3; the listed ones constant inside class 0."""
    spreads = np.array([1e-3, 0.1, 1.0, 30.0, 1e3])
    n = 40
    y = np.array([0] * 15 + [3] * 25, dtype=np.int64)
    X = rng.normal(size=(n, 5)) * spreads
    X[y == 3] += spreads * 0.7
    X[np.ix_(y == 0, constant)] = 0.0
    Xt = rng.normal(size=(60, 5)) * spreads * 1.5
    Xt[:20, constant] = 0.0
    return X, y, Xt


def _kept(X, y, Xt, smoothing):
    """The test rows whose best class wins clearly, and the smoothing argument."""
    classes = np.unique(y)
    eps = smoothing * X.var(axis=0).max()
    scores = []
    for c in classes:
        members = X[y == c]
        var = members.var(axis=0) + eps
        scores.append(
            np.log(len(members) / len(X))
            - 0.5 * np.log(2 * np.pi * var).sum()
            - 0.5 * (((Xt - members.mean(axis=0)) ** 2) / var).sum(axis=1)
        )
    scores = np.sort(np.array(scores).T, axis=1)
    if len(classes) == 1:
        return Xt, smoothing
    gap = scores[:, -1] - scores[:, -2]
    keep = gap > 1e-7 * np.maximum(1.0, np.abs(scores[:, -1]))
    return Xt[keep].copy(), smoothing
