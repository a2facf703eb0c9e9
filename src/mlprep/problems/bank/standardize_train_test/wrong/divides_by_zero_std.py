"""Divides by the std even when it is zero, so constant columns become NaN or inf."""
import numpy as np


def standardize_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (X_train - mean) / std, (X_test - mean) / std
