"""Hand-made cases first (the example, an empty cache, one head, one dimension per head, a new key
that dominates, caches built from a real prefix), then seeded random caches and weights. Every
weight matrix is a full random square matrix, so x @ W and W @ x differ."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: identity projections, two heads of dimension 2, two cached tokens.
    eye = np.eye(4)
    yield Case(
        "two_cached_tokens",
        (
            np.array([1.0, 0.0, 0.0, 2.0]),
            eye,
            eye,
            eye,
            eye,
            np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 2.0, 0.0]]),
            np.array([[2.0, 0.0, 1.0, 1.0], [0.0, 2.0, 0.0, -1.0]]),
            2,
        ),
        "basic",
    )
    # The first token: nothing cached, it attends only to itself.
    yield Case("empty_cache", _step(rng, 0, 6, 2), "empty cache")
    yield Case("single_head", _step(rng, 4, 5, 1), "one head")

    # One dimension per head: the scores of a head are products of two numbers.
    yield Case("head_dim_one", _step(rng, 5, 6, 6), "head size")
    yield Case("one_cached_token", _step(rng, 1, 8, 4), "small cache")
    # Caches that a real prefix of tokens produced, so the step continues a causal sequence.
    yield Case("cache_from_prefix", _step(rng, 7, 8, 2, from_prefix=True), "prefix")
    yield Case("long_prefix", _step(rng, 60, 16, 4, from_prefix=True), "prefix")
    # The new token's own key has by far the largest score in every head.
    x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads = _step(rng, 6, 8, 2)
    yield Case(
        "new_key_dominates",
        (x, W_q, 3.0 * W_q, W_v, W_o, 0.1 * K_cache, V_cache, n_heads),
        "own key",
    )
    # The cached keys are all equal to each other: the new key decides everything else.
    x, W_q, W_k, W_v, W_o, _, V_cache, n_heads = _step(rng, 5, 4, 2)
    yield Case(
        "equal_cached_keys",
        (x, W_q, W_k, W_v, W_o, np.tile(rng.normal(size=4), (5, 1)), V_cache, n_heads),
        "ties",
    )
    # Scores in the thousands: a softmax without the maximum subtracted overflows.
    x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads = _step(rng, 9, 8, 2)
    yield Case(
        "large_scores",
        (30.0 * x, 3.0 * W_q, 3.0 * W_k, W_v, W_o, 60.0 * K_cache, V_cache, n_heads),
        "large scores",
    )

    for i, (t, d_model, n_heads) in enumerate(
        [(3, 4, 2), (10, 12, 3), (25, 16, 4), (50, 24, 6), (120, 32, 8), (200, 48, 4), (15, 9, 3)]
    ):
        yield Case(f"random_{i}", _step(rng, t, d_model, n_heads, from_prefix=i % 2 == 0), "random")


def _step(rng, t, d_model, n_heads, from_prefix=False):
    scale = 1.0 / np.sqrt(d_model)
    W_q, W_k, W_v, W_o = (rng.normal(0.0, scale, size=(d_model, d_model)) for _ in range(4))
    x = rng.normal(size=d_model)
    if from_prefix:
        X = rng.normal(size=(t, d_model))
        K_cache, V_cache = X @ W_k, X @ W_v
    else:
        K_cache, V_cache = rng.normal(size=(t, d_model)), rng.normal(size=(t, d_model))
    return x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads
