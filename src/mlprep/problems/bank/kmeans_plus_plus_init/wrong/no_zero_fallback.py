"""Always divides by D2.sum(): when every D^2 is zero the probabilities are NaN and choice fails."""
import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        i = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(i)
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen]
