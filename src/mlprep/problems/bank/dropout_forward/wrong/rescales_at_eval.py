"""Also rescales at evaluation time, dividing x by 1 - p when training is False."""
import numpy as np


def dropout_forward(x, p, seed, training=True):
    x = np.asarray(x, dtype=float)
    if not training:
        return x / (1 - p)
    if p == 0:
        return x.copy()
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return x * keep / (1 - p)
