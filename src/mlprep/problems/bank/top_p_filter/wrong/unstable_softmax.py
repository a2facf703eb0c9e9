"""Exponentiates logits / temperature without subtracting the maximum: overflow at low temperature."""
import numpy as np


def top_p_filter(logits, temperature, p):
    q = np.exp(np.asarray(logits, dtype=float) / temperature)
    q = q / q.sum()
    order = np.argsort(-q, kind="stable")
    k = len(q) if p >= 1 else int(np.searchsorted(np.cumsum(q[order]), p)) + 1
    out = np.zeros_like(q)
    out[order[:k]] = q[order[:k]]
    return out / out.sum()
