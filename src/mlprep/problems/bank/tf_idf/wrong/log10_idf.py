"""Takes the base-10 logarithm in the idf instead of the natural one."""
import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    w = counts * (np.log10((1 + n) / (1 + df)) + 1)
    norms = np.linalg.norm(w, axis=1, keepdims=True)
    return w / np.where(norms > 0, norms, 1.0)
