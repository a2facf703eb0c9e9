"""Computes every coordinate's update from the previous sweep's w (Jacobi) instead of in place."""
import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0) / n
    for _ in range(n_iters):
        residual = y - X @ w
        rho = X.T @ residual / n + z * w
        safe = np.where(z > 0, z, 1.0)
        w = np.where(z > 0, np.sign(rho) * np.maximum(np.abs(rho) - alpha, 0.0) / safe, 0.0)
    return w
