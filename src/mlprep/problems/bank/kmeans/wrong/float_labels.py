"""Right numbers, wrong type: the labels come back as a float array."""
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    X = np.asarray(X, dtype=float)
    c = np.array(init_centroids, dtype=float)
    labels = None
    for _ in range(max_iters):
        new = ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(len(c)):
            if np.any(labels == j):
                c[j] = X[labels == j].mean(axis=0)
    return c, labels.astype(float)
