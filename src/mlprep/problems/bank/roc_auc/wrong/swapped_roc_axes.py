"""Builds the ROC points correctly but integrates FPR over TPR (axes swapped), giving 1 - AUC."""
import numpy as np


def roc_auc(y_true, y_score):
    order = np.argsort(-y_score, kind="stable")
    s, y = y_score[order], y_true[order]
    last_of_group = np.r_[s[1:] != s[:-1], True]
    tps = np.cumsum(y)[last_of_group]
    fps = np.cumsum(1 - y)[last_of_group]
    tpr = np.r_[0.0, tps / tps[-1]]
    fpr = np.r_[0.0, fps / fps[-1]]
    return float(np.sum(np.diff(tpr) * (fpr[1:] + fpr[:-1]) / 2))
