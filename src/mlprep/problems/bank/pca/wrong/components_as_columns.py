"""Returns the eigenvectors as columns, shape (d, n_components), instead of rows."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(Xc.T @ Xc)
    order = np.argsort(vals)[::-1]
    vals = np.clip(vals[order], 0, None)
    return vecs[:, order][:, :n_components], vals[:n_components] / vals.sum()
