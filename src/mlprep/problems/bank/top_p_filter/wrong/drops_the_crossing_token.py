"""Keeps only the tokens whose running sum is <= p, dropping the token that makes the sum reach p."""
import numpy as np


def top_p_filter(logits, temperature, p):
    z = np.asarray(logits, dtype=float) / temperature
    q = np.exp(z - z.max())
    q = q / q.sum()
    order = np.argsort(-q, kind="stable")
    keep = np.cumsum(q[order]) <= p
    keep[0] = True  # always keep at least one token
    out = np.zeros_like(q)
    out[order[keep]] = q[order[keep]]
    return out / out.sum()
