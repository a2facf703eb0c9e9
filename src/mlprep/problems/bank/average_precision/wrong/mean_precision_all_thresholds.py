"""Averages the precision at every threshold, not only where recall grows."""
import numpy as np


def average_precision(y_true, y_score):
    s = np.asarray(y_score)
    order = np.argsort(s, kind="stable")[::-1]
    s, y = s[order], np.asarray(y_true)[order] == 1
    ends = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[ends]
    return float(np.mean(tp / (ends + 1)))
