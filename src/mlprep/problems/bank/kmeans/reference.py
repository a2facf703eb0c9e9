import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    labels = None
    for _ in range(max_iters):
        distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        new_labels = distances.argmin(axis=1)  # argmin keeps the first (lowest) index on ties
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for j in range(len(centroids)):
            members = X[labels == j]
            if len(members):
                centroids[j] = members.mean(axis=0)
    return centroids, labels.astype(np.int64)
