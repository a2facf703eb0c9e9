"""Multiplies raw weights pair by pair, which overflows for huge weights and underflows for tiny."""
import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y = np.asarray(y_true)
    s = np.asarray(y_score)
    w = np.asarray(sample_weight, dtype=float)
    wp, wn = w[y == 1], w[y == 0]
    sp, sn = s[y == 1], s[y == 0]
    pair_w = wp[:, None] * wn[None, :]
    score = (sp[:, None] > sn[None, :]) + 0.5 * (sp[:, None] == sn[None, :])
    with np.errstate(all="ignore"):
        return float((pair_w * score).sum() / (wp.sum() * wn.sum()))
