"""Uses the legacy np.random.RandomState(seed) stream instead of np.random.default_rng(seed)."""
import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rs = np.random.RandomState(seed)
    chosen = [int(rs.randint(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        i = int(rs.choice(n, p=d2 / d2.sum())) if d2.sum() > 0 else int(rs.randint(n))
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen]
