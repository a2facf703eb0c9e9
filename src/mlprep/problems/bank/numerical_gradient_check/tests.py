"""Hand-made small checks first, then seeded problems of many shapes and step sizes.

Every random case is redrawn until each entry of the exact gradient is at least 1e-3 in absolute
value (except the rows of an all-zero feature, where it is exactly 0 on both sides). Far from 0,
the rounding noise of the finite differences is a tiny share of each entry, so any correct
implementation agrees with the reference well inside the tolerance, also on the relative error.
Large step sizes (h = 0.1 to 1) make the central-difference error large and deterministic: that
is where forward differences, a missing factor 2 and an unrestored W are exposed.
"""

import numpy as np

from mlprep.problems import Case

MIN_ENTRY = 1e-3


def _exact_grad(W, X, y):
    logits = X @ W
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    probs[np.arange(len(y)), y] -= 1.0
    return X.T @ probs / len(y)


def _problem(rng, n, d, c, w_scale=0.5, x_scale=1.0, zero_feature=None):
    """Draw (W, X, y) until every exact-gradient entry is far from 0 (rows of a zero feature
    excepted, which are exactly 0)."""
    while True:
        X = rng.normal(0.0, x_scale, size=(n, d))
        if zero_feature is not None:
            X[:, zero_feature] = 0.0
        W = rng.normal(0.0, w_scale, size=(d, c))
        y = rng.integers(0, c, size=n)
        grad = _exact_grad(W, X, y)
        keep = np.ones(d, dtype=bool)
        if zero_feature is not None:
            keep[zero_feature] = False
        if np.abs(grad[keep]).min() >= MIN_ENTRY:
            return W, X, y.astype(np.int64)


def _labels(*values):
    return np.array(values, dtype=np.int64)


def cases(rng):
    W = np.array([[0.5, -0.2, 0.1], [0.3, 0.8, -0.4]])
    X = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, -1.0], [2.0, 1.0]])
    y = _labels(0, 2, 1, 1)
    yield Case("small_default_h", (W, X, y), "basic")
    yield Case("same_data_large_h", (W, X, y, 0.5), "large h")
    yield Case(
        "one_sample_two_classes",
        (np.array([[1.0, -1.0], [0.5, 0.25]]), np.array([[2.0, -1.0]]), _labels(1), 1e-4),
        "tiny",
    )

    # Large steps: the central difference is visibly off, and only exact arithmetic matches it.
    for i, (n, d, c, h) in enumerate([(6, 2, 2, 1.0), (30, 3, 4, 0.3), (50, 5, 3, 0.1)]):
        W, X, y = _problem(rng, n, d, c)
        yield Case(f"large_h_{i}", (W, X, y, h), "large h")
    W, X, y = _problem(rng, 1, 1, 2)
    yield Case("one_weight_row_large_h", (W, X, y, 0.7), "large h")
    W, X, y = _problem(rng, 8, 4, 2)
    yield Case("two_classes_h_1", (W, X, y, 1.0), "large h")

    # The default and other small steps: the numeric gradient is within ~1e-9 of the exact one.
    W, X, y = _problem(rng, 1, 3, 2)
    yield Case("single_sample", (W, X, y), "tiny")
    W, X, y = _problem(rng, 12, 1, 3)
    yield Case("single_feature", (W, X, y), "tiny")
    W, X, y = _problem(rng, 20, 4, 2)
    yield Case("two_classes", (W, X, y, 1e-4), "random")
    W, X, y = _problem(rng, 40, 6, 5)
    yield Case("step_1e-6", (W, X, y, 1e-6), "small h")
    W, X, y = _problem(rng, 40, 6, 5)
    yield Case("step_1e-3", (W, X, y, 1e-3), "random")
    W, X, y = _problem(rng, 60, 8, 10, w_scale=0.2)
    yield Case("many_classes", (W, X, y), "random")
    W, X, y = _problem(rng, 25, 3, 4, w_scale=2.0, x_scale=2.0)
    yield Case("confident_logits_h_1e-3", (W, X, y, 1e-3), "large logits")
    # A feature that is 0 in every sample: its gradient row is exactly 0 both ways, so the
    # relative error there is 0 / max(1e-12, 0) = 0, not 0 / 0.
    W, X, y = _problem(rng, 15, 4, 3, zero_feature=2)
    yield Case("feature_always_zero", (W, X, y), "zero gradient")
    W, X, y = _problem(rng, 15, 4, 3, zero_feature=0)
    yield Case("feature_always_zero_large_h", (W, X, y, 0.5), "zero gradient")
    W, X, y = _problem(rng, 200, 10, 6, w_scale=0.3)
    yield Case("bigger_batch", (W, X, y, 1e-4), "random")
    W, X, y = _problem(rng, 100, 10, 8, w_scale=0.3)
    yield Case("bigger_batch_large_h", (W, X, y, 0.2), "large h")
