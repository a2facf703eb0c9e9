"""Clips only from below (max(p, eps)), so p = 1 with label 0 still gives log(0)."""
import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.maximum(np.asarray(y_prob, dtype=np.float64), eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
