"""Keeps queries with no relevant items in the mean, scoring them 1 (nothing was missed)."""
import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)
    n = np.asarray(n_relevant, dtype=float)
    hits = rel[:, :k].sum(axis=1)
    per_query = np.divide(hits, n, out=np.ones_like(n), where=n > 0)
    return float(per_query.mean())
