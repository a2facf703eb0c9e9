"""Divides by the L2 norm of the row (square root of the sum) instead of the root mean square."""
import numpy as np


def rms_norm(x, gain, eps=1e-6):
    return x / np.sqrt((x * x).sum(axis=1, keepdims=True) + eps) * gain
