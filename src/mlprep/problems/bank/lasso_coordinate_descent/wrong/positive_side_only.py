"""Soft-thresholds with max(rho - alpha, 0), which clips every negative weight to zero."""
import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0) / n
    r = y.copy()
    for _ in range(n_iters):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = max(rho - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
