"""Sets a constant train column to 0 in both outputs instead of only centring the test values."""
import numpy as np


def standardize_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    constant = std == 0
    std[constant] = 1.0
    train, test = (X_train - mean) / std, (X_test - mean) / std
    train[:, constant] = 0.0
    test[:, constant] = 0.0
    return train, test
