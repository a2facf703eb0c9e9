"""Draws a full class's worth (the largest size) for each smaller class instead of the deficit."""
import numpy as np


def random_oversample(y, seed):
    rng = np.random.default_rng(seed)
    labels, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for label, count in zip(labels, counts):
        if count < counts.max():
            idx = np.flatnonzero(y == label)
            parts.append(rng.choice(idx, size=counts.max(), replace=True))
    return np.concatenate(parts)
