"""Uses the unsmoothed idf log(N / df) + 1, infinite for a term no document contains."""
import numpy as np


def tf_idf(counts):
    counts = np.asarray(counts, dtype=float)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = counts * (np.log(n / df) + 1)
        norms = np.linalg.norm(w, axis=1, keepdims=True)
        return w / np.where(norms > 0, norms, 1.0)
