import numpy as np


def grouped_query_attention(Q, K, V, n_q_heads, n_kv_heads, causal=False):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    n, m = Q.shape[0], K.shape[0]
    d = Q.shape[1] // n_q_heads  # the head dimension, not the model width
    d_v = V.shape[1] // n_kv_heads
    # Split the columns into heads: head h owns the contiguous block h*d:(h+1)*d.
    q = Q.reshape(n, n_q_heads, d).transpose(1, 0, 2)  # (n_q_heads, n, d)
    k = K.reshape(m, n_kv_heads, d).transpose(1, 0, 2)  # (n_kv_heads, m, d)
    v = V.reshape(m, n_kv_heads, d_v).transpose(1, 0, 2)  # (n_kv_heads, m, d_v)
    group = n_q_heads // n_kv_heads
    k = np.repeat(k, group, axis=0)  # query head h reads key/value head h // group
    v = np.repeat(v, group, axis=0)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d)  # (n_q_heads, n, m)
    if causal:
        # Query i sits at position m - n + i of the sequence and sees keys 0 .. m - n + i.
        allowed = np.arange(m)[None, :] <= np.arange(n)[:, None] + (m - n)
        scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=2, keepdims=True)
    e = np.exp(scores)
    weights = e / e.sum(axis=2, keepdims=True)
    heads = weights @ v  # (n_q_heads, n, d_v)
    output = heads.transpose(1, 0, 2).reshape(n, n_q_heads * d_v)  # concatenate the heads
    return weights, output
