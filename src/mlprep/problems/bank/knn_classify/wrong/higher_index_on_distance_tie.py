"""Breaks distance ties towards the higher training index instead of the lower one."""
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    n = len(X_train)
    out = []
    for x in np.asarray(X_test, dtype=float):
        d = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        nearest = (n - 1 - np.argsort(d[::-1], kind="stable"))[:k]
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        out.append(labels[np.argmax(counts)])
    return np.array(out, dtype=np.int64)
