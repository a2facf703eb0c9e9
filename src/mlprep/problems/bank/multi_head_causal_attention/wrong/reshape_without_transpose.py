"""Splits the heads with a bare reshape (n, d_model) -> (n_heads, n, d_h), mixing rows of different positions."""
import numpy as np


def multi_head_causal_attention(X, W_q, W_k, W_v, W_o, n_heads):
    n, d_model = X.shape
    d_h = d_model // n_heads
    Q = (X @ W_q).reshape(n_heads, n, d_h)
    K = (X @ W_k).reshape(n_heads, n, d_h)
    V = (X @ W_v).reshape(n_heads, n, d_h)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(d_h)
    s = np.where(np.tril(np.ones((n, n), dtype=bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    heads = e / e.sum(axis=-1, keepdims=True) @ V
    return heads.reshape(n, d_model) @ W_o
