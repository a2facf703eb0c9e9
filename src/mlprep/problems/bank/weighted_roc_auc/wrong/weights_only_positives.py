"""Weights each pair by the positive's weight only, as if every negative weighed 1."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    w = np.asarray(sample_weight, dtype=float)
    wp = w[y == 1]
    sp, sn = s[y == 1], s[y == 0]
    score = (sp[:, None] > sn[None, :]) + 0.5 * (sp[:, None] == sn[None, :])
    return float(wp @ score.sum(axis=1) / (wp.sum() * len(sn)))
