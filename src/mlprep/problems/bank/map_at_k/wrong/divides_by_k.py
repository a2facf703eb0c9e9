"""Divides the summed precisions by k instead of min(k, n_relevant)."""
import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)[:, :k] != 0
    prec = np.cumsum(rel, axis=1) / np.arange(1, rel.shape[1] + 1)
    return float(np.mean((prec * rel).sum(axis=1) / k))
