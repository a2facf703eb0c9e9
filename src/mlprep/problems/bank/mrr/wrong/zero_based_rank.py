"""Uses the 0-based index of the first hit as its rank, so a hit at the top gives 1/0."""
import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    first = rel.argmax(axis=1).astype(float)
    with np.errstate(divide="ignore"):
        rr = np.where(rel.any(axis=1), 1.0 / first, 0.0)
    return float(rr.mean())
