"""Applies the temperature after the softmax (divides the probabilities by it) instead of to the logits."""
import numpy as np


def top_p_filter(logits, temperature, p):
    z = np.asarray(logits, dtype=float)
    q = np.exp(z - z.max())
    q = q / q.sum() / temperature
    order = np.argsort(-q, kind="stable")
    k = len(q) if p >= 1 else int(np.searchsorted(np.cumsum(q[order]), p)) + 1
    out = np.zeros_like(q)
    out[order[:k]] = q[order[:k]]
    return out / out.sum()
