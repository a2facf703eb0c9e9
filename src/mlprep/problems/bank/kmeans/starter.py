import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    """Return (centroids, labels) after running Lloyd's algorithm from init_centroids."""
    centroids = np.array(init_centroids, dtype=float)
    labels = np.zeros(len(X), dtype=int)
    # Your code here.
    return centroids, labels
