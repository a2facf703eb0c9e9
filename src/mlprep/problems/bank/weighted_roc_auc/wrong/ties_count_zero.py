"""Weights the pairs correctly but counts a tied pair as 0 instead of one half."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    w = np.asarray(sample_weight, dtype=float)
    wp = w[y == 1] / w[y == 1].sum()
    wn = w[y == 0] / w[y == 0].sum()
    sp, sn = s[y == 1], s[y == 0]
    return float(wp @ (sp[:, None] > sn[None, :]).astype(float) @ wn)
