import numpy as np


def softmax(z):
    """Return the softmax of z along its last axis: a float array of the same shape as z."""
    p = np.zeros_like(z, dtype=float)
    # Your code here.
    return p
