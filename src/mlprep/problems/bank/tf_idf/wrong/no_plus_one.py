"""Forgets the final +1 of the idf, so a term present in every document gets weight 0."""
import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    w = counts * np.log((1 + n) / (1 + df))
    norms = np.linalg.norm(w, axis=1, keepdims=True)
    return w / np.where(norms > 0, norms, 1.0)
