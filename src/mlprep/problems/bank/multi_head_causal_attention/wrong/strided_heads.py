"""Splits the heads the wrong way: reshape (n, d_h, n_heads), so head h gets columns h, h + n_heads, ..."""
import numpy as np


def multi_head_causal_attention(X, W_q, W_k, W_v, W_o, n_heads):
    n, d_model = X.shape
    d_h = d_model // n_heads

    def split(M):  # (n, d_model) -> (n_heads, n, d_h), but with the wrong axis order
        return M.reshape(n, d_h, n_heads).transpose(2, 0, 1)

    Q, K, V = split(X @ W_q), split(X @ W_k), split(X @ W_v)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(d_h)
    s = np.where(np.tril(np.ones((n, n), dtype=bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    heads = e / e.sum(axis=-1, keepdims=True) @ V  # (n_heads, n, d_h)
    return heads.transpose(1, 2, 0).reshape(n, d_model) @ W_o
