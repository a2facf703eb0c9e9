import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance) != 0
    total = np.asarray(n_relevant, dtype=np.float64)
    hits = rel[:, :k].sum(axis=1)  # slicing past the end keeps every column
    keep = total > 0  # queries with nothing to find are left out of the mean
    if not keep.any():
        return 0.0
    return float(np.mean(hits[keep] / total[keep]))
