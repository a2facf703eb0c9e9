import numpy as np


def min_max_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    low = X_train.min(axis=0)
    span = X_train.max(axis=0) - low
    span[span == 0] = 1.0  # a constant train column is only shifted: train values become 0
    return (X_train - low) / span, (X_test - low) / span  # no clipping of the test values
