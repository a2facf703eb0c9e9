import numpy as np


def _sigmoid(z):
    """1 / (1 + exp(-z)) without overflow: exp is only ever taken of a non-positive number."""
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        residual = _sigmoid(X @ w + b) - y  # predicted probability minus label
        grad_w = X.T @ residual / n
        grad_b = residual.mean()
        w -= lr * grad_w
        b -= lr * grad_b
    return w, float(b)
