"""Sorts the eigenvalues in decreasing order but leaves the eigenvectors in eigh's ascending order."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    vals = np.clip(np.sort(vals)[::-1], 0, None)
    return vecs[:, :n_components].T, vals[:n_components] / vals.sum()
