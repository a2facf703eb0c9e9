"""Hand-made cases first (the example, a causal mask, one key, identical values, one allowed key
per query, square shapes where a missing transpose still fits), then seeded random shapes, masks
and large scores."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example (the same Q, K, V as the forward problem).
    yield Case(
        "two_queries_three_keys",
        (
            np.array([[1.0, 0.0], [0.0, 2.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]),
            np.array([[1.0, 0.0], [0.0, -1.0]]),
        ),
        "basic",
    )
    X = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [2.0, 2.0, 0.0]])
    yield Case(
        "causal_mask",
        (
            X,
            X[::-1].copy(),
            np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),
            np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 0.0]]),
            np.tril(np.ones((3, 3), np.int64)),
        ),
        "mask",
    )
    # One key: every weight is 1 whatever the scores, so dQ = 0, dK = 0 and dV sums dO.
    yield Case(
        "single_key",
        (
            np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 3.0]]),
            np.array([[2.0, -1.0]]),
            np.array([[1.0, 1.0, 1.0]]),
            np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 0.0], [-1.0, 1.0, 1.0]]),
        ),
        "one key",
    )

    # Identical value rows: the output does not depend on the weights, so dQ = dK = 0.
    Q, K, _, dO = _random(rng, 4, 5, 3, 2)
    yield Case("identical_values", (Q, K, np.tile(rng.normal(size=2), (5, 1)), dO), "softmax")
    # n_q = n_k and d = d_v: dS instead of dS^T, or A instead of A^T, keeps the shape.
    yield Case("square_shapes", _random(rng, 6, 6, 6, 6), "shapes")
    n_q, n_k = 5, 7
    one = np.zeros((n_q, n_k), np.int64)
    one[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = 1
    yield Case("one_allowed_key_per_row", (*_random(rng, n_q, n_k, 4, 3), one), "mask")
    yield Case("single_query", _random(rng, 1, 8, 5, 2), "one query")
    yield Case("d_equals_one", _random(rng, 5, 6, 1, 1), "d = 1")
    yield Case("zero_upstream", (*_random(rng, 3, 4, 2, 2)[:3], np.zeros((3, 2))), "zero gradient")
    # Scores in the hundreds and thousands: the recomputed softmax must subtract the row maximum.
    Q, K, V, dO = _random(rng, 5, 6, 4, 3)
    yield Case("large_scores", (30.0 * Q, 30.0 * K, V, dO), "large scores")
    Q, K, V, dO = _random(rng, 6, 6, 8, 3)
    yield Case(
        "large_scores_causal",
        (40.0 * Q, 40.0 * K, V, dO, np.tril(np.ones((6, 6), np.int64))),
        "large scores",
    )
    # Random masks, every query keeps at least one key.
    mask = (rng.random((12, 15)) < 0.4).astype(np.int64)
    mask[np.arange(12), rng.integers(0, 15, size=12)] = 1
    yield Case("random_mask", (*_random(rng, 12, 15, 6, 4), mask), "mask")
    X = rng.normal(size=(20, 8))
    _, _, V, dO = _random(rng, 20, 20, 8, 5)
    yield Case("causal_self_attention", (X, X, V, dO, np.tril(np.ones((20, 20), np.int64))), "mask")
    for i, (n_q, n_k, d, d_v) in enumerate(
        [(7, 5, 4, 3), (30, 40, 16, 8), (100, 120, 32, 16), (12, 3, 50, 1), (200, 200, 16, 16)]
    ):
        yield Case(f"random_{i}", _random(rng, n_q, n_k, d, d_v), "random")


def _random(rng, n_q, n_k, d, d_v):
    return (
        rng.normal(size=(n_q, d)),
        rng.normal(size=(n_k, d)),
        rng.normal(size=(n_k, d_v)),
        rng.normal(size=(n_q, d_v)),
    )
