import numpy as np


def kmeans_plus_plus_init(X, k, seed):
    """Return a (k, d) float array of initial centroids chosen by k-means++ seeding.

    Use rng = np.random.default_rng(seed) and make exactly the draws the statement describes.
    """
    X = np.asarray(X, dtype=float)
    centroids = np.zeros((k, X.shape[1]))
    # Your code here.
    return centroids
