"""Exponentiates the raw scores without subtracting the row maximum: inf/inf or 0/0 for large scores."""
import numpy as np


def multi_head_causal_attention(X, W_q, W_k, W_v, W_o, n_heads):
    n, d_model = X.shape
    d_h = d_model // n_heads
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    allowed = np.tril(np.ones((n, n)))
    heads = []
    for h in range(n_heads):
        c = slice(h * d_h, (h + 1) * d_h)
        e = np.exp(Q[:, c] @ K[:, c].T / np.sqrt(d_h)) * allowed
        heads.append(e / e.sum(axis=1, keepdims=True) @ V[:, c])
    return np.concatenate(heads, axis=1) @ W_o
