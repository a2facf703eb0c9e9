"""Seeds the legacy global generator (np.random.seed) instead of using default_rng(seed)."""
import numpy as np


def random_oversample(y, seed):
    np.random.seed(seed)
    labels, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for label, count in zip(labels, counts):
        if count < counts.max():
            idx = np.flatnonzero(y == label)
            parts.append(np.random.choice(idx, size=counts.max() - count, replace=True))
    return np.concatenate(parts)
