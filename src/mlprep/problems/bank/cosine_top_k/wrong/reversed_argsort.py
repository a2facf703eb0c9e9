"""Reverses an ascending argsort, so equal similarities come out with the higher index first."""
import numpy as np


def cosine_top_k(queries, docs, k):
    q = np.asarray(queries, float)
    d = np.asarray(docs, float)
    denom = np.outer(np.linalg.norm(q, axis=1), np.linalg.norm(d, axis=1))
    sims = np.divide(q @ d.T, denom, out=np.zeros_like(denom), where=denom > 0)
    return np.argsort(sims, axis=1, kind="stable")[:, ::-1][:, :k]
