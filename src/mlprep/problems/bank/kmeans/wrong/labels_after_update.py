"""Reassigns after the final update, so with a cut-short run the labels match the moved centroids."""
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    X = np.asarray(X, dtype=float)
    c = np.array(init_centroids, dtype=float)
    labels = None
    for _ in range(max_iters):
        labels = ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        new_c = c.copy()
        for j in range(len(c)):
            if np.any(labels == j):
                new_c[j] = X[labels == j].mean(axis=0)
        if np.allclose(new_c, c):
            break
        c = new_c
    labels = ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return c, labels
