"""Divides by the relevant items present in the list, ignoring n_relevant."""
import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)
    n = np.asarray(n_relevant)
    found = rel.sum(axis=1)
    keep = (n > 0) & (found > 0)
    if not keep.any():
        return 0.0
    return float(np.mean(rel[keep, :k].sum(axis=1) / found[keep]))
