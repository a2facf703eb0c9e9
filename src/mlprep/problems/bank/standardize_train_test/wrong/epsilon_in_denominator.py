"""Divides by std + 1e-8 everywhere, which is visibly off for features on a tiny scale."""
import numpy as np


def standardize_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0) + 1e-8
    return (X_train - mean) / std, (X_test - mean) / std
