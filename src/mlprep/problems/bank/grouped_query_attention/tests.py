"""Hand-made cases first (the example, square and rectangular causal masks, MHA and MQA as the two
extremes, one query, large scores), then seeded random shapes with n_q_heads != n_kv_heads, where
mapping heads to groups by modulo, scaling by the model width, aligning the causal mask to the top
left or concatenating the heads in the wrong order gives a different answer."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: 4 query heads share 2 key/value heads, d = d_v = 1.
    yield Case(
        "four_heads_two_groups",
        (
            np.array([[1.0, 0.0, 2.0, -1.0], [0.0, 1.0, 1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 2.0], [2.0, 4.0]]),
            4,
            2,
        ),
        "basic",
    )
    # Self-attention with n = m: query i sees keys 0..i.
    yield Case(
        "causal_square",
        (*_random_qkv(rng, 6, 6, 4, 2, 3, 2), 4, 2, True),
        "causal",
    )
    # Three new queries after five cached positions: query i sees keys 0..5+i (bottom right).
    yield Case(
        "causal_fewer_queries",
        (*_random_qkv(rng, 3, 8, 4, 2, 2, 2), 4, 2, True),
        "causal",
    )

    # n_kv_heads == n_q_heads: plain multi-head attention.
    yield Case("multi_head_equal_groups", (*_random_qkv(rng, 5, 7, 3, 3, 4, 2), 3, 3), "MHA")
    # n_kv_heads == 1: multi-query attention, every head reads the same keys and values.
    yield Case("multi_query_one_group", (*_random_qkv(rng, 5, 6, 4, 1, 3, 3), 4, 1), "MQA")
    # One query at the end of a causal sequence sees every key.
    yield Case("causal_single_query", (*_random_qkv(rng, 1, 9, 6, 2, 2, 3), 6, 2, True), "causal")
    yield Case("single_key", (*_random_qkv(rng, 4, 1, 4, 2, 3, 2), 4, 2), "one key")
    # causal with a single key and a single query.
    yield Case("causal_one_by_one", (*_random_qkv(rng, 1, 1, 2, 1, 4, 4), 2, 1, True), "causal")
    # Identical keys in every group: uniform weights whatever the queries.
    Q, _, V = _random_qkv(rng, 3, 5, 6, 3, 2, 2)
    yield Case("identical_keys_uniform", (Q, np.ones((5, 6)), V, 6, 3), "ties")
    # d_v differs from d, and the value heads have very different scales, so a wrong head
    # order shows in the output.
    Q, K, V = _random_qkv(rng, 4, 6, 4, 2, 3, 5)
    V = V * np.repeat([1.0, 100.0], 5)
    yield Case("value_dim_differs", (Q, K, V, 4, 2), "shapes")
    # Scores in the thousands: the softmax must subtract the row maximum.
    Q, K, V = _random_qkv(rng, 4, 5, 4, 2, 4, 2)
    yield Case("large_scores", (40.0 * Q, 40.0 * K, V, 4, 2), "large scores")
    Q, K, V = _random_qkv(rng, 5, 5, 2, 1, 8, 3)
    yield Case("large_scores_causal", (60.0 * Q, 60.0 * K, V, 2, 1, True), "large scores")

    # Random shapes: (n, m, n_q_heads, n_kv_heads, d, d_v, causal).
    shapes = [
        (7, 7, 8, 2, 4, 4, False),
        (10, 12, 6, 3, 5, 2, False),
        (20, 20, 8, 4, 6, 6, True),
        (4, 30, 4, 2, 8, 8, True),
        (50, 50, 12, 4, 4, 3, True),
        (64, 80, 8, 2, 6, 5, False),
        (2, 40, 16, 4, 3, 3, True),
        (200, 200, 4, 2, 12, 12, True),
    ]
    for i, (n, m, hq, hkv, d, d_v, causal) in enumerate(shapes):
        yield Case(
            f"random_{i}", (*_random_qkv(rng, n, m, hq, hkv, d, d_v), hq, hkv, causal), "random"
        )


def _random_qkv(rng, n, m, n_q_heads, n_kv_heads, d, d_v):
    return (
        rng.normal(size=(n, n_q_heads * d)),
        rng.normal(size=(m, n_kv_heads * d)),
        rng.normal(size=(m, n_kv_heads * d_v)),
    )
