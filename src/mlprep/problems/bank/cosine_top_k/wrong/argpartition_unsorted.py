"""Finds the top k with argpartition but never sorts them, so they come back in arbitrary order."""
import numpy as np


def cosine_top_k(queries, docs, k):
    q = np.asarray(queries, float)
    d = np.asarray(docs, float)
    denom = np.outer(np.linalg.norm(q, axis=1), np.linalg.norm(d, axis=1))
    sims = np.divide(q @ d.T, denom, out=np.zeros_like(denom), where=denom > 0)
    return np.argpartition(-sims, k - 1, axis=1)[:, :k]
