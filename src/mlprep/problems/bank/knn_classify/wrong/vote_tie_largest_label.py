"""Gives a tied vote to the largest label instead of the smallest."""
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    out = []
    for x in np.asarray(X_test, dtype=float):
        d = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        nearest = np.argsort(d, kind="stable")[:k]
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        best = len(counts) - 1 - np.argmax(counts[::-1])
        out.append(labels[best])
    return np.array(out, dtype=np.int64)
