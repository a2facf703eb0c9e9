"""Draws the extra indices from the whole data set instead of from the class being topped up."""
import numpy as np


def random_oversample(y, seed):
    rng = np.random.default_rng(seed)
    labels, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for count in counts:
        if count < counts.max():
            parts.append(rng.choice(len(y), size=counts.max() - count, replace=True))
    return np.concatenate(parts)
