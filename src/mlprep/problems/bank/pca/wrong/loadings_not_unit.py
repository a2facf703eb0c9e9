"""Returns loadings (directions scaled by their standard deviation) instead of unit-norm rows."""
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    std = s / np.sqrt(len(X) - 1)
    return vt[:n_components] * std[:n_components, None], s[:n_components] ** 2 / (s ** 2).sum()
