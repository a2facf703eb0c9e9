"""Loops over range(number of classes), assuming the labels are exactly 0..C-1."""
import numpy as np


def stratified_kfold_indices(y, n_folds):
    y = np.asarray(y)
    fold = np.zeros(len(y), dtype=np.int64)
    t = 0
    for label in range(len(np.unique(y))):
        for i in np.flatnonzero(y == label):
            fold[i] = t % n_folds
            t += 1
    return fold
