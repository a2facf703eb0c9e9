import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train).astype(np.int64)
    y_pred = np.empty(len(X_test), dtype=np.int64)
    for i, x in enumerate(X_test):
        distances = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        # A stable sort keeps equal distances in training order: the lower index comes first.
        nearest = np.argsort(distances, kind="stable")[:k]
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        # np.unique sorts the labels and argmax returns the first maximum: the smallest label.
        y_pred[i] = labels[np.argmax(counts)]
    return y_pred
