"""Returns (recall, precision) instead of (precision, recall)."""
import numpy as np


def precision_recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.count_nonzero(t & p)
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / t.sum() if t.sum() else 0.0
    return recall, precision
