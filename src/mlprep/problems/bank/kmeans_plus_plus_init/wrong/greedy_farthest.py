"""Takes the farthest point (argmax of D^2) instead of sampling proportionally to D^2."""
import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        i = int(np.argmax(d2)) if d2.sum() > 0 else int(rng.integers(n))
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen]
