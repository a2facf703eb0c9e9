import numpy as np


def knn_regression(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_pred = np.empty(len(X_test))
    for i, x in enumerate(X_test):
        distances = ((X_train - x) ** 2).sum(axis=1)  # squared: same order as Euclidean
        # A stable sort keeps equal distances in training order: the lower index comes first.
        nearest = np.argsort(distances, kind="stable")[:k]
        y_pred[i] = y_train[nearest].mean()
    return y_pred
