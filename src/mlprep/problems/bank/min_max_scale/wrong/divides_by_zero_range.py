"""Divides by max - min even when it is zero, so constant columns become NaN or inf."""
import numpy as np


def min_max_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    low = X_train.min(axis=0)
    span = X_train.max(axis=0) - low
    with np.errstate(divide="ignore", invalid="ignore"):
        return (X_train - low) / span, (X_test - low) / span
