"""Off by one: the loop runs n_iters + 1 updates."""
import numpy as np


def linear_regression_gd(X, y, lr=0.01, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters + 1):
        r = X @ w + b - y
        w = w - lr * 2.0 / n * (X.T @ r)
        b = b - lr * 2.0 / n * r.sum()
    return w, float(b)
