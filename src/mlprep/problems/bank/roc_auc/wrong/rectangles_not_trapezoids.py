"""Sums rectangles under the ROC step points (left endpoints) instead of trapezoids: ties count 0."""
import numpy as np


def roc_auc(y_true, y_score):
    order = np.argsort(-y_score, kind="stable")
    s, y = y_score[order], y_true[order]
    last_of_group = np.r_[s[1:] != s[:-1], True]
    tpr = np.r_[0.0, np.cumsum(y)[last_of_group] / y.sum()]
    fpr = np.r_[0.0, np.cumsum(1 - y)[last_of_group] / (1 - y).sum()]
    return float(np.sum(np.diff(fpr) * tpr[:-1]))
