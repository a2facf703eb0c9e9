"""Swaps the functions: cosine on the even columns and sine on the odd ones."""
import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(n_positions)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(float(base), 2.0 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.cos(angles), np.sin(angles))
