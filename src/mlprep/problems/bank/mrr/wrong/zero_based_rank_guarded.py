"""Counts ranks from 0 and patches the top position to 1, so rank 2 scores 1 instead of 1/2."""
import numpy as np


def mrr(relevance):
    rel = np.asarray(relevance) != 0
    first = rel.argmax(axis=1)
    rr = np.where(first == 0, 1.0, 1.0 / np.maximum(first, 1))
    rr = np.where(rel.any(axis=1), rr, 0.0)
    return float(rr.mean())
