"""Multiplies the position by base ** (2i / d_model) instead of dividing: frequencies grow instead of shrinking."""
import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(n_positions)[:, None]
    j = np.arange(d_model)
    angles = pos * np.power(float(base), 2.0 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
