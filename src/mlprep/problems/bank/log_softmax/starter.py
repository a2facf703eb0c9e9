import numpy as np


def log_softmax(z):
    """Return log(softmax(z)) along the last axis of z: a float array of the same shape."""
    out = np.zeros_like(z, dtype=float)
    # Your code here.
    return out
