"""Treats labels as 0..max(label) indices, so missing ids become empty clusters (NaN means)."""
import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n_clusters = labels.max() + 1
    D = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    onehot = np.zeros((len(X), n_clusters))
    onehot[np.arange(len(X)), labels] = 1.0
    sizes = onehot.sum(0)
    sums = D @ onehot
    own = sizes[labels]
    a = sums[np.arange(len(X)), labels] / np.maximum(own - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / sizes
    means[np.arange(len(X)), labels] = np.inf
    b = means.min(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where((own > 1) & (np.maximum(a, b) > 0), (b - a) / np.maximum(a, b), 0.0)
    return float(s.mean())
