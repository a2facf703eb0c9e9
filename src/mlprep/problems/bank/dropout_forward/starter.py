import numpy as np


def dropout_forward(x, p, seed, training=True):
    """Apply inverted dropout with drop probability p to x (any shape) and return the result.

    In training mode draw the keep mask with np.random.default_rng(seed) as the statement pins
    it; at evaluation time (training=False) return x unchanged.
    """
    out = np.array(x, dtype=float)
    # Your code here.
    return out
