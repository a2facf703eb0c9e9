"""Evaluates the ROC curve only at 101 fixed thresholds in [0, 1], as if scores were probabilities."""
import numpy as np


def roc_auc(y_true, y_score):
    pos = y_score[y_true == 1]
    neg = y_score[y_true == 0]
    thresholds = np.linspace(1.0, 0.0, 101)
    tpr = np.r_[0.0, [(pos >= t).mean() for t in thresholds], 1.0]
    fpr = np.r_[0.0, [(neg >= t).mean() for t in thresholds], 1.0]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
