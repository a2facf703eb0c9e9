import numpy as np


def _sigmoid(z):
    """1 / (1 + exp(-z)) written with tanh, which never overflows: exactly the same function."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


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
