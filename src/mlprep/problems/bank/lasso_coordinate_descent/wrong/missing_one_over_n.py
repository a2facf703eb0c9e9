"""Drops the 1/n of the loss (minimises (1/2)||y - Xw||^2 + alpha||w||_1), so alpha acts n times weaker."""
import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X**2).sum(axis=0)
    r = y.copy()
    for _ in range(n_iters):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
