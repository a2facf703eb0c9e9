"""Marks a non-core point as noise when the scan meets it and never lets a cluster claim it later."""
from collections import deque

import numpy as np

UNSEEN, NOISE = -2, -1


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    nb = np.sqrt(sq) <= eps
    core = nb.sum(axis=1) >= min_samples
    labels = np.full(n, UNSEEN)
    c = 0
    for i in range(n):
        if labels[i] != UNSEEN:
            continue
        if not core[i]:
            labels[i] = NOISE
            continue
        labels[i] = c
        queue = deque([i])
        while queue:
            p = queue.popleft()
            for q in np.flatnonzero(nb[p]):
                if labels[q] == UNSEEN:
                    labels[q] = c
                    if core[q]:
                        queue.append(q)
        c += 1
    return labels
