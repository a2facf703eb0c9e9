"""Masks the padded keys but lets the padded query rows attend like real ones instead of returning zeros."""
import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    B, T, d = Q.shape
    pos = np.arange(T)[None, :]
    L = np.asarray(lengths)[:, None]
    valid = pos < L if padding_side == "right" else pos >= T - L
    allowed = np.repeat(valid[:, None, :], T, axis=1)
    if causal:
        allowed &= np.tril(np.ones((T, T), dtype=bool))[None]
    s = np.where(allowed, Q @ K.transpose(0, 2, 1) / np.sqrt(d), -1e9)
    e = np.exp(s - s.max(axis=2, keepdims=True))
    w = e / e.sum(axis=2, keepdims=True)
    return w, w @ V
