import numpy as np


def kv_cache_decode_step(x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads):
    """Return (output, K_new, V_new) for one decoding step of causal multi-head attention.

    x: (d_model,) the new token; W_q, W_k, W_v, W_o: (d_model, d_model), used as x @ W.
    K_cache, V_cache: (t, d_model), t >= 0 earlier tokens, heads packed as contiguous columns.
    output: (d_model,); K_new, V_new: (t + 1, d_model), the new key/value appended as the last row.
    """
    d_model = x.shape[0]
    output = np.zeros(d_model)
    K_new = np.zeros((K_cache.shape[0] + 1, d_model))
    V_new = np.zeros((V_cache.shape[0] + 1, d_model))
    # Your code here.
    return output, K_new, V_new
