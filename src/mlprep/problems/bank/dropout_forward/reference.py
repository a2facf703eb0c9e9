import numpy as np


def dropout_forward(x, p, seed, training=True):
    x = np.asarray(x, dtype=float)
    if not training or p == 0:
        return x.copy()  # identity; no random numbers are drawn
    rng = np.random.default_rng(seed)
    keep = rng.random(x.shape) >= p  # one uniform draw per element, in C (row-major) order
    return x * keep / (1.0 - p)
