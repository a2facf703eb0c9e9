"""Attends only to the cached tokens and appends the new key and value afterwards: the token never sees itself."""
import numpy as np


def kv_cache_decode_step(x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads):
    d_model = x.shape[0]
    d_head = d_model // n_heads
    q, k, v = x @ W_q, x @ W_k, x @ W_v
    Ka, Va = K_cache, V_cache
    K = np.vstack([K_cache, k])
    V = np.vstack([V_cache, v])
    qh = q.reshape(n_heads, d_head)
    Kh = Ka.reshape(-1, n_heads, d_head).transpose(1, 0, 2)
    Vh = Va.reshape(-1, n_heads, d_head).transpose(1, 0, 2)
    s = np.einsum("hd,htd->ht", qh, Kh) / np.sqrt(d_head)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    heads = np.einsum("ht,htd->hd", w, Vh).reshape(d_model)
    return heads @ W_o, K, V
