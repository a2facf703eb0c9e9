import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    chosen = [int(rng.integers(n))]
    # Squared distance of every point to its nearest chosen centroid so far.
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = d2.sum()
        # When every point coincides with a chosen centroid (total 0), draw uniformly instead.
        index = int(rng.choice(n, p=d2 / total)) if total > 0 else int(rng.integers(n))
        chosen.append(index)
        d2 = np.minimum(d2, ((X - X[index]) ** 2).sum(axis=1))
    return X[chosen].copy()
