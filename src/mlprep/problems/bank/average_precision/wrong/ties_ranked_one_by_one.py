"""Ranks tied items one by one with a stable sort (mean precision@rank over the positives)."""
import numpy as np


def average_precision(y_true, y_score):
    order = np.argsort(-np.asarray(y_score, dtype=float), kind="stable")
    y = np.asarray(y_true)[order] == 1
    precision_at_rank = np.cumsum(y) / np.arange(1, len(y) + 1)
    return float(precision_at_rank[y].sum() / y.sum())
