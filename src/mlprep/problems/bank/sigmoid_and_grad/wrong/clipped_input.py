"""Clips z to [-10, 10] before the sigmoid to dodge overflow, which distorts saturated values."""
import numpy as np


def sigmoid_and_grad(z):
    s = 1.0 / (1.0 + np.exp(-np.clip(z, -10.0, 10.0)))
    return s, s * (1.0 - s)
