import numpy as np


def grouped_query_attention(Q, K, V, n_q_heads, n_kv_heads, causal=False):
    """Return (weights, output) of grouped-query attention.

    Q: (n, n_q_heads * d), K: (m, n_kv_heads * d), V: (m, n_kv_heads * d_v); head h owns the
    contiguous column block h*d:(h+1)*d. Query head h reads key/value head h // (n_q_heads //
    n_kv_heads). causal=True: query i sits at position m - n + i and sees keys 0..m - n + i.
    weights: (n_q_heads, n, m); output: (n, n_q_heads * d_v), the heads side by side.
    """
    n, m = Q.shape[0], K.shape[0]
    d_v = V.shape[1] // n_kv_heads
    weights = np.zeros((n_q_heads, n, m))
    output = np.zeros((n, n_q_heads * d_v))
    # Your code here.
    return weights, output
