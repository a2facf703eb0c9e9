"""Soft-thresholds rho_j / z_j at alpha instead of thresholding rho_j at alpha and then dividing."""
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
            u = (X[:, j] @ r / n + z[j] * w[j]) / z[j]
            new = np.sign(u) * max(abs(u) - alpha, 0.0)
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
