"""Takes sorted[k // 2] as the median, which is the upper middle value when k is even."""
import numpy as np


def median_impute(X_train, X_test):
    X_train = np.array(X_train, dtype=float)
    X_test = np.array(X_test, dtype=float)
    medians = np.zeros(X_train.shape[1])
    for j in range(X_train.shape[1]):
        observed = np.sort(X_train[~np.isnan(X_train[:, j]), j])
        if len(observed):
            medians[j] = observed[len(observed) // 2]
    for X in (X_train, X_test):
        rows, cols = np.nonzero(np.isnan(X))
        X[rows, cols] = medians[cols]
    return X_train, X_test
