"""Forgets that eigh sorts eigenvalues in ascending order and keeps the smallest ones first."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False).reshape(X.shape[1], X.shape[1]))
    vals = np.clip(vals, 0, None)
    return vecs[:, :n_components].T, vals[:n_components] / vals.sum()
