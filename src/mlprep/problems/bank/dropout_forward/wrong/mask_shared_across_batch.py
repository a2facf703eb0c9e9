"""Draws one mask value per feature (last axis) and shares it across all the other axes."""
import numpy as np


def dropout_forward(x, p, seed, training=True):
    x = np.asarray(x, dtype=float)
    if not training or p == 0:
        return x.copy()
    keep = np.random.default_rng(seed).random(x.shape[-1]) >= p
    return x * keep / (1 - p)
