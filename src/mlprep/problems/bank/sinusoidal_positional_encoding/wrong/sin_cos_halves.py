"""Puts all the sines in the first half of the columns and all the cosines in the second half instead of interleaving them."""
import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(n_positions)[:, None]
    half = (d_model + 1) // 2
    freq = 1.0 / np.power(float(base), 2.0 * np.arange(half) / d_model)
    angles = pos * freq
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)[:, :d_model]
