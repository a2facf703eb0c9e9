import numpy as np


def silhouette_score(X, labels):
    """Return the mean silhouette coefficient (a float) of a clustering.

    X: float array (n, d); labels: int array (n,), one cluster id per row (at least 2 ids).
    Euclidean distances; a point alone in its cluster scores 0.
    """
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    # Your code here.
    return 0.0
