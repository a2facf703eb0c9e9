"""Maps a constant train column to 0 in the test rows too, instead of dividing by 1."""
import numpy as np


def min_max_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    low = X_train.min(axis=0)
    span = X_train.max(axis=0) - low
    constant = span == 0
    span[constant] = 1.0
    train, test = (X_train - low) / span, (X_test - low) / span
    train[:, constant] = 0.0
    test[:, constant] = 0.0
    return train, test
