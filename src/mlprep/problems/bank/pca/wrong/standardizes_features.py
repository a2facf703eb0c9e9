"""Scales every feature to unit variance first (correlation-matrix PCA), which changes the axes."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)
    _, s, vt = np.linalg.svd(Xs, full_matrices=False)
    return vt[:n_components], s[:n_components] ** 2 / (s ** 2).sum()
