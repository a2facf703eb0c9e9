"""Integrates the precision-recall curve with the trapezoid rule, starting from (0, 1)."""
import numpy as np


def average_precision(y_true, y_score):
    s = np.asarray(y_score)
    order = np.argsort(s, kind="stable")[::-1]
    s, y = s[order], np.asarray(y_true)[order] == 1
    ends = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[ends]
    precision = np.r_[1.0, tp / (ends + 1)]
    recall = np.r_[0.0, tp / y.sum()]
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))
