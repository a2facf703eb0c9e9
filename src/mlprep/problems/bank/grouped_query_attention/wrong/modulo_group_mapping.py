"""Maps query head h to key/value head h % n_kv_heads (np.tile) instead of h // group (np.repeat)."""
import numpy as np


def grouped_query_attention(Q, K, V, n_q_heads, n_kv_heads, causal=False):
    n, m = Q.shape[0], K.shape[0]
    d = Q.shape[1] // n_q_heads
    d_v = V.shape[1] // n_kv_heads
    q = Q.reshape(n, n_q_heads, d).transpose(1, 0, 2)
    k = np.tile(K.reshape(m, n_kv_heads, d).transpose(1, 0, 2), (n_q_heads // n_kv_heads, 1, 1))
    v = np.tile(V.reshape(m, n_kv_heads, d_v).transpose(1, 0, 2), (n_q_heads // n_kv_heads, 1, 1))
    s = q @ k.transpose(0, 2, 1) / np.sqrt(d)
    if causal:
        s = np.where(np.arange(m)[None, :] <= np.arange(n)[:, None] + m - n, s, -np.inf)
    e = np.exp(s - s.max(axis=2, keepdims=True))
    w = e / e.sum(axis=2, keepdims=True)
    return w, (w @ v).transpose(1, 0, 2).reshape(n, -1)
