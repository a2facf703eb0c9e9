"""Divides by n_relevant without capping it at k, so AP@k cannot reach 1 when n_relevant > k."""
import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)[:, :k] != 0
    n = np.asarray(n_relevant, dtype=float)
    prec = np.cumsum(rel, axis=1) / np.arange(1, rel.shape[1] + 1)
    ap = np.divide((prec * rel).sum(axis=1), n, out=np.zeros(len(rel)), where=n > 0)
    return float(ap.mean())
