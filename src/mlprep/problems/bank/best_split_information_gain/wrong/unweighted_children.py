"""Averages the two children's entropies equally instead of weighting them by their sizes."""
import numpy as np


def _h(counts):
    p = counts / counts.sum()
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def best_split_information_gain(X, y):
    n, d = X.shape
    classes = np.unique(y)
    parent = _h(np.array([(y == c).sum() for c in classes], float))
    best = (-1, 0.0, 0.0)
    for j in range(d):
        values = np.unique(X[:, j])
        for a, b in zip(values[:-1], values[1:]):
            t = (a + b) / 2.0
            mask = X[:, j] <= t
            lc = np.array([(y[mask] == c).sum() for c in classes], float)
            rc = np.array([(y[~mask] == c).sum() for c in classes], float)
            gain = parent - (_h(lc) + _h(rc)) / 2.0
            if best[0] == -1 or gain > best[2]:
                best = (j, float(t), float(gain))
    return best
