"""Divides by the variance of the kept components only, not by the total variance."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    kept = s[:n_components] ** 2
    return vt[:n_components], kept / kept.sum()
