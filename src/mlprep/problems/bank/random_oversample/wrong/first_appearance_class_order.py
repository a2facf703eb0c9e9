"""Tops up the classes in order of first appearance in y instead of increasing label order."""
import numpy as np


def random_oversample(y, seed):
    rng = np.random.default_rng(seed)
    labels, first, counts = np.unique(y, return_index=True, return_counts=True)
    order = np.argsort(first)
    parts = [np.arange(len(y))]
    for label, count in zip(labels[order], counts[order]):
        if count < counts.max():
            idx = np.flatnonzero(y == label)
            parts.append(rng.choice(idx, size=counts.max() - count, replace=True))
    return np.concatenate(parts)
