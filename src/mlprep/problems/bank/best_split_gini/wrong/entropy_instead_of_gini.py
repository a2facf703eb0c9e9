"""Chooses the split by weighted entropy instead of weighted Gini impurity."""
import numpy as np


def _gini(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return 1.0 - (p ** 2).sum()


def _entropy(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return float(-(p * np.log2(p)).sum())


def best_split_gini(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    best = (-1, 0.0, _gini(y))
    best_ent = None
    for j in range(d):
        values = np.unique(X[:, j])
        for a, b in zip(values[:-1], values[1:]):
            t = (a + b) / 2
            mask = X[:, j] <= t
            ent = mask.mean() * _entropy(y[mask]) + (~mask).mean() * _entropy(y[~mask])
            if best_ent is None or ent < best_ent:
                best_ent = ent
                imp = mask.mean() * _gini(y[mask]) + (~mask).mean() * _gini(y[~mask])
                best = (j, float(t), float(imp))
    return best
