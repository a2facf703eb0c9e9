"""Renumbers the clusters by the lowest index of any member (border points included)."""
from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    nb = np.sqrt(sq) <= eps
    core = nb.sum(axis=1) >= min_samples
    labels = np.full(n, -1)
    c = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = c
        queue = deque([i])
        while queue:
            p = queue.popleft()
            for q in np.flatnonzero(nb[p]):
                if labels[q] == -1:
                    labels[q] = c
                    if core[q]:
                        queue.append(q)
        c += 1
    if c == 0:
        return labels
    first = [np.flatnonzero(labels == j).min() for j in range(c)]
    rank = np.empty(c, dtype=int)
    rank[np.argsort(first)] = np.arange(c)
    return np.where(labels >= 0, rank[np.maximum(labels, 0)], -1)
