"""Visits the classes in order of first appearance in y instead of increasing label order."""
import numpy as np


def stratified_kfold_indices(y, n_folds):
    y = np.asarray(y)
    _, first = np.unique(y, return_index=True)
    fold = np.empty(len(y), dtype=np.int64)
    t = 0
    for label in y[np.sort(first)]:
        for i in np.flatnonzero(y == label):
            fold[i] = t % n_folds
            t += 1
    return fold
