"""Right labels, wrong type: the predictions come back as a float array."""
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    out = np.zeros(len(X_test))
    for i, x in enumerate(np.asarray(X_test, dtype=float)):
        d = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        labels, counts = np.unique(y_train[np.argsort(d, kind="stable")[:k]], return_counts=True)
        out[i] = labels[np.argmax(counts)]
    return out
