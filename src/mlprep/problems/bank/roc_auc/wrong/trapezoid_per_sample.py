"""Trapezoid over one ROC point per sample, not per distinct score: tied samples are split by order."""
import numpy as np


def roc_auc(y_true, y_score):
    y = y_true[np.argsort(-y_score, kind="stable")]
    tpr = np.r_[0.0, np.cumsum(y) / y.sum()]
    fpr = np.r_[0.0, np.cumsum(1 - y) / (1 - y).sum()]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
