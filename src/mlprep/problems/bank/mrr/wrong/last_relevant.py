"""Takes the rank of the last relevant item instead of the first."""
import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    length = rel.shape[1]
    last = length - 1 - rel[:, ::-1].argmax(axis=1)
    rr = np.where(rel.any(axis=1), 1.0 / (last + 1), 0.0)
    return float(rr.mean())
