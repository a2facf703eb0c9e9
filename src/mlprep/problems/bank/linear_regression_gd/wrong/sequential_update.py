"""Updates w first, then computes the intercept's gradient from the already-updated w."""
import numpy as np


def linear_regression_gd(X, y, lr=0.01, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        w = w - lr * 2.0 / n * (X.T @ (X @ w + b - y))
        b = b - lr * 2.0 / n * (X @ w + b - y).sum()
    return w, float(b)
