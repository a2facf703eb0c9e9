"""Numbers the positions 1..n instead of 0..n-1."""
import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(1, n_positions + 1)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(float(base), 2.0 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
