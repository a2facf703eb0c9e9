"""Weights each point by its squared distance to the most recent centroid, not the nearest one."""
import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    for _ in range(1, k):
        d2 = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        if d2.sum() > 0:
            i = int(rng.choice(n, p=d2 / d2.sum()))
        else:
            i = int(rng.integers(n))
        chosen.append(i)
    return X[chosen]
