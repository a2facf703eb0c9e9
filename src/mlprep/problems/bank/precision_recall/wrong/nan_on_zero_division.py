"""Divides without a guard: NumPy gives NaN (with a warning) when a denominator is zero."""
import numpy as np


def precision_recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(tp / np.sum(p)), float(tp / np.sum(t))
