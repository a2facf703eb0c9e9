"""Ranks tied items one by one, negatives before positives (a pessimistic tie-break)."""
import numpy as np


def average_precision(y_true, y_score):
    y_true = np.asarray(y_true)
    order = np.lexsort((y_true, -np.asarray(y_score, dtype=float)))
    y = y_true[order] == 1
    precision_at_rank = np.cumsum(y) / np.arange(1, len(y) + 1)
    return float(np.mean(precision_at_rank[y]))
