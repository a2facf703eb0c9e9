"""Uses the base-10 logarithm instead of the natural logarithm."""
import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(y_prob, dtype=np.float64), eps, 1 - eps)
    return float(-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)))
