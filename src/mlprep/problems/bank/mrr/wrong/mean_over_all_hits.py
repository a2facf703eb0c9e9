"""Averages the reciprocal ranks of every relevant item in a row, not only the first one."""
import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    ranks = np.arange(1, rel.shape[1] + 1)
    scores = []
    for row in rel:
        scores.append(float(np.mean(1.0 / ranks[row])) if row.any() else 0.0)
    return float(np.mean(scores))
