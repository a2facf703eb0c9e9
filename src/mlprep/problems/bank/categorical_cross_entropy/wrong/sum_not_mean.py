"""Sums the per-sample losses instead of averaging them."""
import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    p = np.clip(probs[np.arange(len(y_true)), y_true], eps, 1.0)
    return float(-np.sum(np.log(p)))
