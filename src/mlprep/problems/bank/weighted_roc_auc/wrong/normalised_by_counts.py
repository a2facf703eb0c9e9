"""Sums the weighted pairs but divides by n_pos * n_neg instead of the two weight totals."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    w = np.asarray(sample_weight, dtype=float)
    wp, wn = w[y == 1], w[y == 0]
    sp, sn = s[y == 1], s[y == 0]
    score = (sp[:, None] > sn[None, :]) + 0.5 * (sp[:, None] == sn[None, :])
    return float(wp @ score @ wn / (len(sp) * len(sn)))
