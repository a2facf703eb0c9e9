"""Keeps a fixed share ceil(p * V) of the tokens (top-k in disguise) instead of a probability mass p."""
import math

import numpy as np


def top_p_filter(logits, temperature, p):
    z = np.asarray(logits, dtype=float) / temperature
    q = np.exp(z - z.max())
    q = q / q.sum()
    order = np.argsort(-q, kind="stable")
    k = max(1, math.ceil(p * len(q)))
    out = np.zeros_like(q)
    out[order[:k]] = q[order[:k]]
    return out / out.sum()
