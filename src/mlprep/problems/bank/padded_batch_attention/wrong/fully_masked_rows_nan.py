"""Blocks the padded query rows with -inf too and takes a plain softmax: 0/0 gives NaN in those rows."""
import numpy as np


def padded_batch_attention(Q, K, V, lengths, causal=True, padding_side="right"):
    B, T, d = Q.shape
    pos = np.arange(T)[None, :]
    L = np.asarray(lengths)[:, None]
    valid = pos < L if padding_side == "right" else pos >= T - L
    allowed = valid[:, None, :] & valid[:, :, None]
    if causal:
        allowed &= np.tril(np.ones((T, T), dtype=bool))[None]
    s = np.where(allowed, Q @ K.transpose(0, 2, 1) / np.sqrt(d), -np.inf)
    with np.errstate(invalid="ignore"):
        e = np.exp(s - s.max(axis=2, keepdims=True))
        w = e / e.sum(axis=2, keepdims=True)
    return w, w @ V
