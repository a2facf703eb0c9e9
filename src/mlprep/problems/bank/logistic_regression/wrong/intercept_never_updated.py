"""Forgets the intercept's gradient: b stays at 0."""
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        z = np.clip(X @ w + b, -500, 500)
        r = 1 / (1 + np.exp(-z)) - y
        w -= lr * X.T @ r / n
    return w, float(b)
