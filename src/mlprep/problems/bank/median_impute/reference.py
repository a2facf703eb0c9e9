import numpy as np


def median_impute(X_train, X_test):
    X_train = np.array(X_train, dtype=float)  # copies: the inputs are left untouched
    X_test = np.array(X_test, dtype=float)
    d = X_train.shape[1]
    medians = np.zeros(d)  # a column with no observed train value is filled with 0.0
    for j in range(d):
        observed = np.sort(X_train[~np.isnan(X_train[:, j]), j])
        k = len(observed)
        if k % 2 == 1:
            medians[j] = observed[k // 2]
        elif k > 0:
            medians[j] = (observed[k // 2 - 1] + observed[k // 2]) / 2
    for X in (X_train, X_test):
        rows, cols = np.nonzero(np.isnan(X))
        X[rows, cols] = medians[cols]
    return X_train, X_test
