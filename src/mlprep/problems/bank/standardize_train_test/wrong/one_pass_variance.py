"""Computes the variance as E[x^2] - E[x]^2, which cancels catastrophically at large offsets."""
import numpy as np


def standardize_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    var = (X_train**2).mean(axis=0) - mean**2
    std = np.sqrt(np.maximum(var, 0.0))
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
