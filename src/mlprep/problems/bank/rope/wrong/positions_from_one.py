"""Numbers the positions from 1, so even the first row gets rotated."""
import numpy as np


def rope(x, base=10000.0):
    n, d = x.shape
    theta = base ** (-2.0 * np.arange(d // 2) / d)
    angle = np.arange(1, n + 1)[:, None] * theta
    cos, sin = np.cos(angle), np.sin(angle)
    y = np.empty_like(x, dtype=float)
    y[:, 0::2] = x[:, 0::2] * cos - x[:, 1::2] * sin
    y[:, 1::2] = x[:, 0::2] * sin + x[:, 1::2] * cos
    return y
