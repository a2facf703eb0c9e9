"""Divides every row by its norm, so an empty document becomes 0/0 = NaN."""
import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    w = counts * (np.log((1 + n) / (1 + df)) + 1)
    with np.errstate(invalid="ignore"):
        return w / np.linalg.norm(w, axis=1, keepdims=True)
