"""Scores a cut after every sorted position, even between two equal values, using prefix counts."""
import numpy as np


def best_split_gini(X, y):
    X = np.asarray(X, dtype=float)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1)[codes]
    total = onehot.sum(axis=0)
    parent = 1.0 - ((total / n) ** 2).sum()
    if n < 2 or all(np.all(X[:, j] == X[0, j]) for j in range(d)):
        return -1, 0.0, float(parent)
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        left = np.cumsum(onehot[order], axis=0)
        for i in range(n - 1):
            nl, nr = i + 1, n - i - 1
            gl = 1.0 - ((left[i] / nl) ** 2).sum()
            gr = 1.0 - (((total - left[i]) / nr) ** 2).sum()
            imp = nl / n * gl + nr / n * gr
            if best is None or imp < best[2]:
                best = (j, float((xs[i] + xs[i + 1]) / 2), float(imp))
    return best
