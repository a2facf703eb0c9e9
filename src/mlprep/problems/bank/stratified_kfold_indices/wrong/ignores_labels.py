"""Not stratified at all: deals the samples round-robin in index order, ignoring the labels."""
import numpy as np


def stratified_kfold_indices(y, n_folds):
    return np.arange(len(y)) % n_folds
