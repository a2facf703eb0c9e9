"""Always treats the batch as right-padded, whatever padding_side says."""
import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    B, T, d = Q.shape
    valid = np.arange(T)[None, :] < np.asarray(lengths)[:, None]
    allowed = valid[:, None, :] & valid[:, :, None]
    if causal:
        allowed &= np.tril(np.ones((T, T), dtype=bool))[None]
    s = np.where(allowed, Q @ K.transpose(0, 2, 1) / np.sqrt(d), -np.inf)
    m = np.where(valid[:, :, None], s.max(axis=2, keepdims=True), 0.0)
    e = np.exp(s - m)
    tot = e.sum(axis=2, keepdims=True)
    w = np.where(valid[:, :, None], e / np.where(tot > 0, tot, 1.0), 0.0)
    return w, w @ V
