"""Orders the samples with the default (unstable) argsort, so a class's indices may be out of order."""
import numpy as np


def stratified_kfold_indices(y, n_folds):
    order = np.argsort(np.asarray(y))  # quicksort: equal labels in no guaranteed order
    fold = np.empty(len(order), dtype=np.int64)
    fold[order] = np.arange(len(order)) % n_folds
    return fold
