"""Multiplies the matrix by the column vector (W @ x) instead of the row vector by the matrix (x @ W)."""
import numpy as np


def kv_cache_decode_step(x, W_q, W_k, W_v, W_o, K_cache, V_cache, n_heads):
    d_model = x.shape[0]
    d_head = d_model // n_heads
    q, k, v = W_q @ x, W_k @ x, W_v @ x
    K = np.vstack([K_cache, k])
    V = np.vstack([V_cache, v])
    Ka, Va = K, V
    qh = q.reshape(n_heads, d_head)
    Kh = Ka.reshape(-1, n_heads, d_head).transpose(1, 0, 2)
    Vh = Va.reshape(-1, n_heads, d_head).transpose(1, 0, 2)
    s = np.einsum("hd,htd->ht", qh, Kh) / np.sqrt(d_head)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    heads = np.einsum("ht,htd->hd", w, Vh).reshape(d_model)
    return W_o @ heads, K, V
