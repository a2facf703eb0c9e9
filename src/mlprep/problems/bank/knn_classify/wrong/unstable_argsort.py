"""Uses np.argsort's default (unstable) sort, so equal distances come out in arbitrary order."""
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    out = []
    for x in np.asarray(X_test, dtype=float):
        d = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        nearest = np.argsort(d)[:k]
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        out.append(labels[np.argmax(counts)])
    return np.array(out, dtype=np.int64)
