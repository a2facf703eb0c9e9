"""Splits each class into n_folds contiguous blocks (array_split) instead of dealing round-robin."""
import numpy as np


def stratified_kfold_indices(y, n_folds):
    y = np.asarray(y)
    fold = np.empty(len(y), dtype=np.int64)
    for label in np.unique(y):
        for f, block in enumerate(np.array_split(np.flatnonzero(y == label), n_folds)):
            fold[block] = f
    return fold
