import numpy as np


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    """Return the (n_positions, d_model) table of the original Transformer's positional encoding.

    Row p is position p (from 0). Columns 2i and 2i + 1 hold sin and cos of
    p / base ** (2i / d_model).
    """
    pe = np.zeros((n_positions, d_model))
    # Your code here.
    return pe
