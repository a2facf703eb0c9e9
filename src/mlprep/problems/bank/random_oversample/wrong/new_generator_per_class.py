"""Creates a fresh np.random.default_rng(seed) for every class instead of one for the call."""
import numpy as np


def random_oversample(y, seed):
    labels, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for label, count in zip(labels, counts):
        if count < counts.max():
            rng = np.random.default_rng(seed)
            idx = np.flatnonzero(y == label)
            parts.append(rng.choice(idx, size=counts.max() - count, replace=True))
    return np.concatenate(parts)
