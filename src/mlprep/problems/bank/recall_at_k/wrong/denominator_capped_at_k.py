"""Divides by min(k, n_relevant), so a full top k scores 1 even when relevant items remain."""
import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)
    n = np.asarray(n_relevant)
    keep = n > 0
    if not keep.any():
        return 0.0
    hits = rel[keep, :k].sum(axis=1)
    return float(np.mean(hits / np.minimum(k, n[keep])))
