"""Clips 1 - p separately to [eps, 1 - eps] instead of computing it from the clipped p."""
import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_prob, dtype=np.float64)
    pos = np.clip(p, eps, 1 - eps)
    neg = np.clip(1 - p, eps, 1 - eps)
    return float(-np.mean(y * np.log(pos) + (1 - y) * np.log(neg)))
