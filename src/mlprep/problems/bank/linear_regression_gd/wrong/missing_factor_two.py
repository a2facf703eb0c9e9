"""Drops the factor 2 of the squared error's derivative, so every step is half as long."""
import numpy as np


def linear_regression_gd(X, y, lr=0.01, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w = w - lr * (X.T @ r) / n
        b = b - lr * r.sum() / n
    return w, float(b)
