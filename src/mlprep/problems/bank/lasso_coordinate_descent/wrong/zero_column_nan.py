"""Divides by (1/n)||x_j||^2 without a guard: an all-zero column gives 0/0 = NaN."""
import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0) / n
    r = y.copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        for _ in range(n_iters):
            for j in range(d):
                rho = X[:, j] @ r / n + z[j] * w[j]
                new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
                r -= X[:, j] * (new - w[j])
                w[j] = new
    return w
