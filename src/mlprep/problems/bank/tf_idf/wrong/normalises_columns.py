"""Normalises every column (term) to unit norm instead of every row (document)."""
import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    w = counts * (np.log((1 + n) / (1 + df)) + 1)
    norms = np.linalg.norm(w, axis=0, keepdims=True)
    return w / np.where(norms > 0, norms, 1.0)
