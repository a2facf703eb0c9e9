"""Derivative as e^-z / (1 + e^-z)^2: overflows to inf/inf = nan for large negative z."""
import numpy as np


def sigmoid_and_grad(z):
    e = np.exp(-z)
    s = 1.0 / (1.0 + e)
    ds = e / (1.0 + e) ** 2
    return s, ds
