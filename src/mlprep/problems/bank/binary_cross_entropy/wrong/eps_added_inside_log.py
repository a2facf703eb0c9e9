"""Adds eps inside the logarithms, log(p + eps) and log(1 - p + eps), instead of clipping p."""
import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_prob, dtype=np.float64)
    return float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
