"""Keeps an element when its uniform draw is below p, the opposite of the pinned rule."""
import numpy as np


def dropout_forward(x, p, seed, training=True):
    x = np.asarray(x, dtype=float)
    if not training or p == 0:
        return x.copy()
    keep = np.random.default_rng(seed).random(x.shape) < p
    return x * keep / (1 - p)
