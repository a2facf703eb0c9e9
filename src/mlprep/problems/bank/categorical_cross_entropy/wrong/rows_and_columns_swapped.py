"""Indexes probs[y_true, arange(n)]: the label picks the row and the sample picks the column."""
import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    p = np.clip(probs[y_true, np.arange(len(y_true))], eps, 1.0)
    return float(-np.mean(np.log(p)))
