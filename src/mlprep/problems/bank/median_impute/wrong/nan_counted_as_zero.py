"""Replaces NaN by 0 before taking the median, so missing entries drag the median to 0."""
import numpy as np


def median_impute(X_train, X_test):
    X_train = np.array(X_train, dtype=float)
    X_test = np.array(X_test, dtype=float)
    medians = np.median(np.nan_to_num(X_train, nan=0.0), axis=0)
    for X in (X_train, X_test):
        rows, cols = np.nonzero(np.isnan(X))
        X[rows, cols] = medians[cols]
    return X_train, X_test
