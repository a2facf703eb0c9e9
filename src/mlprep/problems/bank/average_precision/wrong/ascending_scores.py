"""Sorts the scores in ascending order, so the lowest score counts as the most confident."""
import numpy as np


def average_precision(y_true, y_score):
    s = np.asarray(y_score)
    order = np.argsort(s, kind="stable")
    s, y = s[order], np.asarray(y_true)[order] == 1
    ends = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[ends]
    return float(np.sum(np.diff(tp / y.sum(), prepend=0.0) * tp / (ends + 1)))
