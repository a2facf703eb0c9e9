"""Picks the neighbouring cluster by nearest centroid, then takes b as the mean distance to it."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    ids = np.unique(labels)
    cents = np.array([X[labels == c].mean(axis=0) for c in ids])
    D = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    s = np.zeros(len(X))
    for i in range(len(X)):
        own = labels == labels[i]
        if own.sum() == 1:
            continue
        a = D[i, own].sum() / (own.sum() - 1)
        dc = np.sqrt(((cents - X[i]) ** 2).sum(-1))
        dc[ids == labels[i]] = np.inf
        b = D[i, labels == ids[dc.argmin()]].mean()
        s[i] = (b - a) / max(a, b) if max(a, b) > 0 else 0.0
    return float(s.mean())
