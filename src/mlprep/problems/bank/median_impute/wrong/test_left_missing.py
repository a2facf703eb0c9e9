"""Imputes the train rows but returns the test rows with their NaNs still in place."""
import numpy as np


def median_impute(X_train, X_test):
    X_train = np.array(X_train, dtype=float)
    for j in range(X_train.shape[1]):
        column = X_train[:, j]
        observed = column[~np.isnan(column)]
        column[np.isnan(column)] = np.median(observed) if len(observed) else 0.0
    return X_train, np.array(X_test, dtype=float)
