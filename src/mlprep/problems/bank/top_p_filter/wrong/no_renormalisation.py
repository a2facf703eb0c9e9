"""Zeroes the tokens outside the nucleus but does not divide the kept ones by their sum."""
import numpy as np


def top_p_filter(logits, temperature, p):
    z = np.asarray(logits, dtype=float) / temperature
    q = np.exp(z - z.max())
    q = q / q.sum()
    order = np.argsort(-q, kind="stable")
    k = len(q) if p >= 1 else int(np.searchsorted(np.cumsum(q[order]), p)) + 1
    out = np.zeros_like(q)
    out[order[:k]] = q[order[:k]]
    return out
