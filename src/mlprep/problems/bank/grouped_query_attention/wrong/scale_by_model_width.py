"""Divides the scores by sqrt of the full width n_q_heads * d instead of the head dimension d."""
import numpy as np


def grouped_query_attention(Q, K, V, n_q_heads, n_kv_heads, causal=False):
    n, m = Q.shape[0], K.shape[0]
    d = Q.shape[1] // n_q_heads
    d_v = V.shape[1] // n_kv_heads
    g = n_q_heads // n_kv_heads
    q = Q.reshape(n, n_q_heads, d).transpose(1, 0, 2)
    k = np.repeat(K.reshape(m, n_kv_heads, d).transpose(1, 0, 2), g, axis=0)
    v = np.repeat(V.reshape(m, n_kv_heads, d_v).transpose(1, 0, 2), g, axis=0)
    s = q @ k.transpose(0, 2, 1) / np.sqrt(Q.shape[1])
    if causal:
        s = np.where(np.arange(m)[None, :] <= np.arange(n)[:, None] + m - n, s, -np.inf)
    e = np.exp(s - s.max(axis=2, keepdims=True))
    w = e / e.sum(axis=2, keepdims=True)
    return w, (w @ v).transpose(1, 0, 2).reshape(n, -1)
