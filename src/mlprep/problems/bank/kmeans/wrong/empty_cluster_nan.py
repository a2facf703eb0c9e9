"""Takes the mean of an empty cluster (NaN centroid) instead of leaving the centroid alone."""
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    X = np.asarray(X, dtype=float)
    c = np.array(init_centroids, dtype=float)
    labels = None
    for _ in range(max_iters):
        d = ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2)
        new = d.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        with np.errstate(invalid="ignore"):
            c = np.array([X[labels == j].mean(axis=0) for j in range(len(c))])
    return c, labels
