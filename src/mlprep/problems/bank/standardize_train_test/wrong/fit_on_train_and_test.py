"""Leakage: computes the mean and std over the train and test rows stacked together."""
import numpy as np


def standardize_train_test(X_train, X_test):
    both = np.vstack([X_train, X_test]).astype(float)
    mean = both.mean(axis=0)
    std = both.std(axis=0)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
