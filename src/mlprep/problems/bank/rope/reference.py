import numpy as np


def rope(x, base=10000.0):
    x = np.asarray(x, dtype=float)
    n, d = x.shape
    theta = base ** (-2.0 * np.arange(d // 2) / d)  # (d/2,): pair j turns at rate theta_j
    angle = np.arange(n)[:, None] * theta[None, :]  # (n, d/2): row i is at position i
    cos, sin = np.cos(angle), np.sin(angle)
    even, odd = x[:, 0::2], x[:, 1::2]  # the interleaved pairs (x[i, 2j], x[i, 2j + 1])
    y = np.empty_like(x)
    y[:, 0::2] = even * cos - odd * sin
    y[:, 1::2] = even * sin + odd * cos
    return y
