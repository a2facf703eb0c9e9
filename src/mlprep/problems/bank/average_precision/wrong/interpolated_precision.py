"""Uses interpolated precision (best precision at this or any higher recall), VOC-style."""
import numpy as np


def average_precision(y_true, y_score):
    s = np.asarray(y_score)
    order = np.argsort(s, kind="stable")[::-1]
    s, y = s[order], np.asarray(y_true)[order] == 1
    ends = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[ends]
    precision = tp / (ends + 1)
    recall = tp / y.sum()
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(recall, prepend=0.0) * envelope))
