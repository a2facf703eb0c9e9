import numpy as np


def kv_cache_decode_step(x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads):
    x = np.asarray(x, dtype=float)
    d_model = x.shape[0]
    d_head = d_model // n_heads
    q, k, v = x @ W_q, x @ W_k, x @ W_v  # row vector times matrix, each (d_model,)
    K = np.vstack(
        [np.asarray(K_cache, dtype=float).reshape(-1, d_model), k]
    )  # append: (t + 1, d_model)
    V = np.vstack([np.asarray(V_cache, dtype=float).reshape(-1, d_model), v])
    qh = q.reshape(n_heads, d_head)  # head h: columns h*d_head:(h+1)*d_head
    Kh = K.reshape(-1, n_heads, d_head).transpose(1, 0, 2)  # (n_heads, t + 1, d_head)
    Vh = V.reshape(-1, n_heads, d_head).transpose(1, 0, 2)
    scores = np.einsum("hd,htd->ht", qh, Kh) / np.sqrt(d_head)  # the new token sees all t + 1
    scores -= scores.max(axis=1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=1, keepdims=True)
    heads = np.einsum("ht,htd->hd", w, Vh)  # (n_heads, d_head)
    return heads.reshape(d_model) @ W_o, K, V
