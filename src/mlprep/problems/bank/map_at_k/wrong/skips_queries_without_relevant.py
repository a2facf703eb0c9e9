"""Leaves queries with n_relevant == 0 out of the mean instead of scoring them 0."""
import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)[:, :k] != 0
    n = np.asarray(n_relevant)
    keep = n > 0
    if not keep.any():
        return 0.0
    prec = np.cumsum(rel, axis=1) / np.arange(1, rel.shape[1] + 1)
    ap = (prec * rel).sum(axis=1)[keep] / np.minimum(k, n[keep])
    return float(ap.mean())
