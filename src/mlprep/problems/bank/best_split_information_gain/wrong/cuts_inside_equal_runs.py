"""Scores a cut after every sorted position, even between equal values that x <= t cannot separate."""
import numpy as np


def _h(counts):
    p = counts / counts.sum()
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def best_split_information_gain(X, y):
    n, d = X.shape
    classes = np.unique(y)
    onehot = (y[:, None] == classes[None, :]).astype(float)
    parent = _h(onehot.sum(axis=0))
    best = (-1, 0.0, 0.0)
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        if xs[0] == xs[-1]:
            continue
        left = np.cumsum(onehot[order], axis=0)
        for i in range(n - 1):
            lc, rc = left[i], left[-1] - left[i]
            gain = parent - ((i + 1) / n * _h(lc) + (n - i - 1) / n * _h(rc))
            if best[0] == -1 or gain > best[2]:
                best = (j, float((xs[i] + xs[i + 1]) / 2.0), float(gain))
    return best
