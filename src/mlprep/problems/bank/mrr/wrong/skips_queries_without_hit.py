"""Averages only over queries that have a relevant item, dropping the zeros from the mean."""
import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    hit = rel.any(axis=1)
    if not hit.any():
        return 0.0
    first = rel[hit].argmax(axis=1)
    return float(np.mean(1.0 / (first + 1)))
