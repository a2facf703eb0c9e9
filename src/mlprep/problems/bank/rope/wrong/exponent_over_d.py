"""Indexes the frequencies over d instead of d/2: theta_j = base^(-j/d), so the rates fall off too slowly."""
import numpy as np


def rope(x, base=10000.0):
    n, d = x.shape
    theta = base ** (-np.arange(d // 2) / d)
    angle = np.arange(n)[:, None] * theta
    cos, sin = np.cos(angle), np.sin(angle)
    y = np.empty_like(x, dtype=float)
    y[:, 0::2] = x[:, 0::2] * cos - x[:, 1::2] * sin
    y[:, 1::2] = x[:, 0::2] * sin + x[:, 1::2] * cos
    return y
