"""Uses one min and max over the whole train matrix instead of one pair per column."""
import numpy as np


def min_max_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    low = X_train.min()
    span = X_train.max() - low
    if span == 0:
        span = 1.0
    return (X_train - low) / span, (X_test - low) / span
