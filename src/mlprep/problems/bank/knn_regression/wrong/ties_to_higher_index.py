"""Sorts by negative distance and reverses, so equal distances put the higher index first."""
import numpy as np


def knn_regression(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train, dtype=float)
    out = []
    for x in np.asarray(X_test, dtype=float):
        d2 = ((X_train - x) ** 2).sum(axis=1)
        nearest = np.argsort(-d2, kind="stable")[::-1][:k]
        out.append(y_train[nearest].mean())
    return np.array(out)
