"""Ignores sample_weight entirely and returns the plain, unweighted AUC."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    sp, sn = s[y == 1], s[y == 0]
    wins = (sp[:, None] > sn[None, :]).sum() + 0.5 * (sp[:, None] == sn[None, :]).sum()
    return float(wins / (len(sp) * len(sn)))
