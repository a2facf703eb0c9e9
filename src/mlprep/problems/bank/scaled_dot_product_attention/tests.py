"""Hand-made cases first (the example, causal and blocking masks, one key, uniform weights), then
seeded random shapes: large positive and large negative scores that overflow or underflow a naive
exponential, masks where a blocked key has the largest score, and n_q != n_k != d != d_v."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: d = 2, so the scores are divided by sqrt(2).
    yield Case(
        "two_queries_three_keys",
        (
            np.array([[1.0, 0.0], [0.0, 2.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]),
        ),
        "basic",
    )
    # Self-attention with a causal mask: query i may only look at keys 0..i.
    X = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [2.0, 2.0, 0.0]])
    yield Case(
        "causal_mask",
        (X, X, np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.tril(np.ones((3, 3), np.int64))),
        "mask",
    )
    # The first key has the largest score for every query but is blocked for query 0.
    yield Case(
        "blocked_best_key",
        (
            np.array([[2.0, 1.0], [1.0, 1.0]]),
            np.array([[3.0, 1.0], [1.0, 0.0], [0.0, 1.0]]),
            np.array([[10.0], [1.0], [-1.0]]),
            np.array([[0, 1, 1], [1, 1, 1]], np.int64),
        ),
        "mask",
    )

    # One key: every weight is 1 and every output row is that key's value.
    yield Case(
        "single_key",
        (rng.normal(size=(4, 3)), rng.normal(size=(1, 3)), rng.normal(size=(1, 5))),
        "one key",
    )
    yield Case(
        "single_query",
        (rng.normal(size=(1, 6)), rng.normal(size=(9, 6)), rng.normal(size=(9, 2))),
        "one query",
    )
    # Zero queries: all scores are 0, so the weights are uniform and the output is the mean of V.
    yield Case(
        "zero_queries_uniform",
        (np.zeros((3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 3))),
        "ties",
    )
    yield Case(
        "duplicate_keys_tie",
        (
            rng.normal(size=(4, 2)),
            np.repeat(rng.normal(size=(2, 2)), 2, axis=0),
            rng.normal(size=(4, 3)),
        ),
        "ties",
    )
    yield Case(
        "d_equals_one",
        (rng.normal(size=(5, 1)), rng.normal(size=(6, 1)), rng.normal(size=(6, 2))),
        "d = 1",
    )
    # n_q == n_k: a softmax over the wrong axis keeps the shape.
    yield Case(
        "square_scores",
        (rng.normal(size=(6, 8)), rng.normal(size=(6, 8)), rng.normal(size=(6, 4))),
        "axis",
    )
    # Scores of a few thousand: exp overflows unless the row maximum is subtracted first.
    yield Case(
        "large_random_scores",
        (rng.normal(0, 30, size=(5, 8)), rng.normal(0, 30, size=(7, 8)), rng.normal(size=(7, 3))),
        "large scores",
    )
    # Every score is around +4500 and differs from its neighbours by a few units.
    Q = 40.0 + rng.normal(0, 1.0, size=(4, 8))
    K = 40.0 + rng.normal(0, 0.1, size=(6, 8))
    yield Case("large_positive_scores", (Q, K, rng.normal(size=(6, 3))), "large scores")
    # Every score is around -3000: exp underflows to 0 and a naive softmax divides 0 by 0.
    Q = 40.0 + rng.normal(0, 1.0, size=(4, 6))
    K = -40.0 + rng.normal(0, 0.1, size=(8, 6))
    yield Case("large_negative_scores", (Q, K, rng.normal(size=(8, 2))), "large scores")
    yield Case(
        "tiny_scale",
        (
            rng.normal(0, 1e-3, size=(3, 5)),
            rng.normal(0, 1e-3, size=(4, 5)),
            rng.normal(size=(4, 2)),
        ),
        "tiny scale",
    )
    yield Case(
        "large_value_offset",
        (rng.normal(size=(4, 4)), rng.normal(size=(5, 4)), 1e6 + rng.normal(size=(5, 3))),
        "large offset",
    )

    # Masks.
    X = rng.normal(size=(20, 16))
    yield Case(
        "causal_self_attention",
        (X, X, rng.normal(size=(20, 8)), np.tril(np.ones((20, 20), np.int64))),
        "mask",
    )
    yield Case(
        "all_ones_mask",
        (
            rng.normal(size=(5, 4)),
            rng.normal(size=(7, 4)),
            rng.normal(size=(7, 3)),
            np.ones((5, 7), np.int64),
        ),
        "mask",
    )
    # Exactly one allowed key per query: the weights are one-hot.
    n_q, n_k = 6, 9
    one = np.zeros((n_q, n_k), np.int64)
    one[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = 1
    yield Case(
        "one_allowed_key_per_row",
        (rng.normal(size=(n_q, 5)), rng.normal(size=(n_k, 5)), rng.normal(size=(n_k, 4)), one),
        "mask",
    )
    # The blocked keys are the ones each query likes most (gaps of tens, not hundreds).
    Q = rng.normal(size=(5, 4))
    K = rng.normal(size=(8, 4))
    K[:3] = 4.0 * Q[:3]
    dominated = np.ones((5, 8), np.int64)
    dominated[np.arange(3), np.arange(3)] = 0
    yield Case("blocked_keys_dominate", (Q, K, rng.normal(size=(8, 3)), dominated), "mask")
    yield Case(
        "random_mask", (*_random_qkv(rng, 30, 40, 12, 6), _random_mask(rng, 30, 40, 0.5)), "mask"
    )
    yield Case(
        "sparse_random_mask",
        (*_random_qkv(rng, 25, 60, 8, 5), _random_mask(rng, 25, 60, 0.1)),
        "mask",
    )

    # Random shapes and scales, no mask.
    for i, (n_q, n_k, d, d_v, scale) in enumerate(
        [(7, 5, 4, 3, 1.0), (50, 80, 16, 8, 2.0), (200, 300, 32, 16, 1.0), (12, 3, 50, 1, 0.5)]
    ):
        yield Case(f"random_{i}", _random_qkv(rng, n_q, n_k, d, d_v, scale), "random")


def _random_qkv(rng, n_q, n_k, d, d_v, scale=1.0):
    return (
        rng.normal(0, scale, size=(n_q, d)),
        rng.normal(0, scale, size=(n_k, d)),
        rng.normal(0, 1.0, size=(n_k, d_v)),
    )


def _random_mask(rng, n_q, n_k, density):
    mask = (rng.random((n_q, n_k)) < density).astype(np.int64)
    mask[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = 1  # every query keeps one key
    return mask
