"""Updates w first, then computes the intercept's gradient with the new w (not simultaneous)."""
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        z = np.clip(X @ w + b, -500, 500)
        w -= lr * X.T @ (1 / (1 + np.exp(-z)) - y) / n
        z = np.clip(X @ w + b, -500, 500)
        b -= lr * np.mean(1 / (1 + np.exp(-z)) - y)
    return w, float(b)
