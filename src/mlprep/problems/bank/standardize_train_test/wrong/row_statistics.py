"""Wrong axis: standardizes each row with its own mean and std instead of each column."""
import numpy as np


def _rows(X):
    X = np.asarray(X, dtype=float)
    std = X.std(axis=1, keepdims=True)
    std[std == 0] = 1.0
    return (X - X.mean(axis=1, keepdims=True)) / std


def standardize_train_test(X_train, X_test):
    return _rows(X_train), _rows(X_test)
