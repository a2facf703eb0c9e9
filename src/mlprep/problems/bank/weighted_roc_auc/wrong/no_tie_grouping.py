"""Sweeps samples one at a time in sorted order, so a tied group is not one diagonal step."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    w = np.asarray(sample_weight, dtype=float)
    order = np.argsort(-s, kind="stable")
    tp = np.concatenate(([0.0], np.cumsum(w[order] * (y[order] == 1))))
    fp = np.concatenate(([0.0], np.cumsum(w[order] * (y[order] == 0))))
    tpr, fpr = tp / tp[-1], fp / fp[-1]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
