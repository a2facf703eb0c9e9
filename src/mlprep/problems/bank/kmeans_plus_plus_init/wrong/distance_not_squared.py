"""Samples proportionally to the distance D(x) instead of its square D(x)^2."""
import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    dist = np.sqrt(((X - X[chosen[0]]) ** 2).sum(axis=1))
    for _ in range(1, k):
        if dist.sum() > 0:
            i = int(rng.choice(n, p=dist / dist.sum()))
        else:
            i = int(rng.integers(n))
        chosen.append(i)
        dist = np.minimum(dist, np.sqrt(((X - X[i]) ** 2).sum(axis=1)))
    return X[chosen]
