import numpy as np


def random_oversample(y, seed):
    y = np.asarray(y)
    rng = np.random.default_rng(seed)  # one generator for the whole call
    labels, counts = np.unique(y, return_counts=True)  # labels in increasing order
    target = counts.max()
    parts = [np.arange(len(y), dtype=np.int64)]
    for label, count in zip(labels, counts, strict=True):
        if count < target:  # classes already at the largest size draw nothing
            class_indices = np.flatnonzero(y == label)
            extra = rng.choice(class_indices, size=target - count, replace=True)
            parts.append(extra.astype(np.int64))
    return np.concatenate(parts)
