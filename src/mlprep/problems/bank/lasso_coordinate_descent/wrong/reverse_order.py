"""Sweeps the coordinates from d-1 down to 0 instead of from 0 up to d-1."""
import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0) / n
    r = y.copy()
    for _ in range(n_iters):
        for j in reversed(range(d)):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
