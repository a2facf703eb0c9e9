"""Applies only the causal mask (and zeroes the padded query rows): padded keys still get weight."""
import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    B, T, d = Q.shape
    pos = np.arange(T)[None, :]
    L = np.asarray(lengths)[:, None]
    valid = pos < L if padding_side == "right" else pos >= T - L
    allowed = np.ones((B, T, T), dtype=bool)
    if causal:
        allowed &= np.tril(np.ones((T, T), dtype=bool))[None]
    s = np.where(allowed, Q @ K.transpose(0, 2, 1) / np.sqrt(d), -np.inf)
    m = np.where(valid[:, :, None], s.max(axis=2, keepdims=True), 0.0)
    e = np.exp(s - m)
    tot = e.sum(axis=2, keepdims=True)
    w = np.where(valid[:, :, None], e / np.where(tot > 0, tot, 1.0), 0.0)
    return w, w @ V
