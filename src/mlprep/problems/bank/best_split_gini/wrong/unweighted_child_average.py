"""Averages the two children's Gini impurities without weighting them by their sizes."""
import numpy as np


def _gini(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return 1.0 - (p ** 2).sum()


def best_split_gini(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    best = (-1, 0.0, _gini(y))
    best_imp = None
    for j in range(d):
        values = np.unique(X[:, j])
        for a, b in zip(values[:-1], values[1:]):
            t = (a + b) / 2
            mask = X[:, j] <= t
            imp = 0.5 * (_gini(y[mask]) + _gini(y[~mask]))
            if best_imp is None or imp < best_imp:
                best_imp = imp
                best = (j, float(t), float(imp))
    return best
