"""Averages the log of every entry of the table instead of only each row's true class."""
import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    return float(-np.mean(np.log(np.clip(probs, eps, 1.0))))
