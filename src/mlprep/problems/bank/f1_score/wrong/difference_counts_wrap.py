"""Counts FP and FN from y_pred - y_true, which wraps around for unsigned integer labels."""
import numpy as np


def f1_score(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    diff = y_pred - y_true
    tp = int(np.sum(y_true * y_pred))
    fp = int(np.sum(diff == 1))
    fn = int(np.sum(diff == -1))
    denominator = 2 * tp + fp + fn
    return 0.0 if denominator == 0 else 2 * tp / denominator
