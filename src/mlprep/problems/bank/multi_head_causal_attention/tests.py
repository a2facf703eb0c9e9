"""Hand-made cases first (the example, one head, the attention pattern of one-hot inputs, one
position, one column per head, future positions that would dominate, scores near +-1e4), then
seeded random shapes with 1 to 12 heads."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: identity projections, so Q = K = V = X; two heads of width 2.
    X = np.array([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0], [1.0, 1.0, 0.0, 0.0]])
    eye = np.eye(4)
    yield Case("two_heads_example", (X, eye, eye, eye, eye, 2), "basic")
    # One head: plain causal self-attention, d_h = d_model.
    yield Case("one_head", (*_random_inputs(rng, 5, 4), 1), "one head")
    # X = I and W_v = W_o = I: column block h of the output is head h's own weights restricted
    # to those columns, so the picture shows the lower-triangular attention pattern.
    n = 8
    W_q, W_k = rng.normal(0, 1.5, size=(2, n, n))
    yield Case("attention_pattern", (np.eye(n), W_q, W_k, np.eye(n), np.eye(n), 2), "mask")

    # One position: it sees only itself, so the output is V @ W_o whatever the scores.
    yield Case("single_position", (*_random_inputs(rng, 1, 6), 3), "one position")
    # d_h = 1: every column is a head of its own.
    yield Case("one_column_per_head", (*_random_inputs(rng, 7, 5), 5), "many heads")
    # Later positions have ever larger keys: without the mask (or with j < i) they win.
    d = 6
    X = np.arange(1, 9, dtype=float)[:, None] * np.ones((8, d)) + rng.normal(0, 0.1, size=(8, d))
    W = np.eye(d) * 0.5
    yield Case("future_would_dominate", (X, W, W, rng.normal(size=(d, d)), np.eye(d), 2), "mask")
    # Scores around +5000 per head: exp overflows unless the row maximum is subtracted.
    yield Case("large_positive_scores", _large_scores(rng, 1.0), "large scores")
    # Scores around -5000 per head: exp underflows to 0 and a naive softmax divides 0 by 0.
    yield Case("large_negative_scores", _large_scores(rng, -1.0), "large scores")
    # Scores of several thousands of both signs within the same row.
    X, W_q, W_k, W_v, W_o = _random_inputs(rng, 12, 8)
    yield Case("large_mixed_scores", (X * 12.0, W_q * 12.0, W_k, W_v, W_o, 2), "large scores")

    # Random shapes: (n, d_model, n_heads).
    for i, (n, d_model, n_heads) in enumerate(
        [(6, 4, 2), (16, 8, 2), (32, 16, 4), (10, 12, 3), (64, 48, 6), (100, 50, 5), (200, 32, 8)]
    ):
        yield Case(f"random_{i}", (*_random_inputs(rng, n, d_model), n_heads), "random")


def _random_inputs(rng, n, d_model):
    X = rng.normal(size=(n, d_model))
    W_q, W_k, W_v, W_o = rng.normal(0, 1.0 / np.sqrt(d_model), size=(4, d_model, d_model))
    return X, W_q, W_k, W_v, W_o


def _large_scores(rng, sign):
    # Every row of X is near the same vector u, and W_k = sign * W_q, so each head's scores are
    # close to sign * |u W_q restricted to the head|^2 / sqrt(d_h): about 5000 in magnitude.
    n, d_model = 10, 8
    X = 20.0 + rng.normal(0, 0.05, size=(n, d_model))
    W_q = np.eye(d_model) * 2.5 + rng.normal(0, 0.05, size=(d_model, d_model))
    return (X, W_q, sign * W_q, rng.normal(size=(d_model, d_model)), np.eye(d_model), 2)
