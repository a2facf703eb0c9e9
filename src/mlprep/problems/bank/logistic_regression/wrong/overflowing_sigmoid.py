"""Computes the sigmoid as exp(z) / (1 + exp(z)), which gives inf / inf = nan for large z."""
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        ez = np.exp(X @ w + b)
        r = ez / (1 + ez) - y
        w -= lr * X.T @ r / n
        b -= lr * r.mean()
    return w, float(b)
