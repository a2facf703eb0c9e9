"""Gives a tied vote to the label seen first among the neighbours (the nearest), not the smallest."""
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    out = []
    for x in np.asarray(X_test, dtype=float):
        d = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        votes = y_train[np.argsort(d, kind="stable")[:k]]
        counts = {}
        for label in votes:  # dict keeps insertion order, so max() keeps the first seen
            counts[int(label)] = counts.get(int(label), 0) + 1
        out.append(max(counts, key=counts.get))
    return np.array(out, dtype=np.int64)
