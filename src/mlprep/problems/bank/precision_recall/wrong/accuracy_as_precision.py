"""Divides TP by all n examples for precision (confuses precision with a share of the data)."""
import numpy as np


def precision_recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.count_nonzero(t & p)
    precision = tp / len(t)
    recall = tp / np.count_nonzero(t) if t.any() else 0.0
    return precision, recall
