"""Divides by the relevant items found in the top k instead of min(k, n_relevant)."""
import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)[:, :k] != 0
    prec = np.cumsum(rel, axis=1) / np.arange(1, rel.shape[1] + 1)
    hits = rel.sum(axis=1)
    ap = np.divide((prec * rel).sum(axis=1), hits, out=np.zeros(len(rel)), where=hits > 0)
    return float(ap.mean())
