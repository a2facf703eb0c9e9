"""Uses the column index j in the exponent (base ** (j / d_model)) instead of 2i / d_model for both columns of a pair."""
import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(n_positions)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(float(base), j / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
