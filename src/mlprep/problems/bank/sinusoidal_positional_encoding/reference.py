import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    pos = np.arange(n_positions, dtype=float)[:, None]  # positions 0 .. n - 1, as a column
    j = np.arange(d_model)
    pair = j // 2  # columns 2i and 2i + 1 share the frequency of pair i
    angles = pos / np.power(float(base), 2.0 * pair / d_model)  # (n, d)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))  # sin on even, cos on odd
