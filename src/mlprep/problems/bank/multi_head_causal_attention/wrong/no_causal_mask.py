"""Forgets the causal mask: every position attends to the whole sequence, future included."""
import numpy as np


def multi_head_causal_attention(X, W_q, W_k, W_v, W_o, n_heads):
    n, d_model = X.shape
    d_h = d_model // n_heads
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    heads = []
    for h in range(n_heads):
        c = slice(h * d_h, (h + 1) * d_h)
        s = Q[:, c] @ K[:, c].T / np.sqrt(d_h)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        heads.append(e / e.sum(axis=1, keepdims=True) @ V[:, c])
    return np.concatenate(heads, axis=1) @ W_o
