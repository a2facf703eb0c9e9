"""Sums precision over every relevant rank in the list, not only the first k."""
import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance) != 0
    n = np.asarray(n_relevant)
    prec = np.cumsum(rel, axis=1) / np.arange(1, rel.shape[1] + 1)
    d = np.minimum(k, n).astype(float)
    ap = np.divide((prec * rel).sum(axis=1), d, out=np.zeros(len(rel)), where=d > 0)
    return float(ap.mean())
