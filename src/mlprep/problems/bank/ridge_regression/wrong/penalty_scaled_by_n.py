"""Mixes up the objective's scaling: adds n * alpha (as for a mean squared error) to the diagonal."""
import numpy as np


def ridge_regression(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    Xc = X - X.mean(axis=0)
    w = np.linalg.solve(Xc.T @ Xc + n * alpha * np.eye(d), Xc.T @ (y - y.mean()))
    return w, float(y.mean() - X.mean(axis=0) @ w)
