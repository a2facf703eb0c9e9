import numpy as np


def stratified_kfold_indices(y, n_folds):
    y = np.asarray(y)
    fold = np.empty(len(y), dtype=np.int64)
    t = 0  # one counter for the whole deal: each class starts where the previous one stopped
    for label in np.unique(y):  # np.unique returns the labels in increasing order
        for i in np.flatnonzero(y == label):  # that class's indices, increasing
            fold[i] = t % n_folds
            t += 1
    return fold
