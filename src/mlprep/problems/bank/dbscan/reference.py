from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    # Squared distances from the differences, one feature at a time (keeps memory at O(n^2)).
    sq = np.zeros((n, n))
    for j in range(X.shape[1]):
        diff = X[:, j, None] - X[None, :, j]
        sq += diff * diff
    neighbours = np.sqrt(sq) <= eps  # the diagonal is True: a point is its own neighbour
    core = neighbours.sum(axis=1) >= min_samples

    labels = np.full(n, -1, dtype=np.int64)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster  # a new cluster starts at the first unlabelled core point
        queue = deque([i])
        while queue:
            p = queue.popleft()
            for q in np.flatnonzero(neighbours[p]):  # increasing index
                if labels[q] == -1:
                    labels[q] = cluster
                    if core[q]:  # only core points pass the expansion on
                        queue.append(q)
        cluster += 1
    return labels
