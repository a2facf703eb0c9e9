import numpy as np


def map_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)[:, :k] != 0  # slicing past the end keeps every column
    total = np.asarray(n_relevant, dtype=np.int64)
    ranks = np.arange(1, rel.shape[1] + 1)
    precision = np.cumsum(rel, axis=1) / ranks  # precision@i for i = 1..min(k, L)
    summed = (precision * rel).sum(axis=1)  # only ranks holding a relevant item
    denominator = np.minimum(k, total)
    ap = np.zeros(len(total))
    has = total > 0
    ap[has] = summed[has] / denominator[has]
    return float(ap.mean())  # queries without relevant items score 0 and still count
