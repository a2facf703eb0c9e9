import numpy as np


def _softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)  # the largest score becomes 0: exp never overflows
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def softmax_regression_gd(X, y, n_classes, lr=0.1, n_iters=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    Y = np.zeros((n, n_classes))
    Y[np.arange(n), y] = 1.0  # one-hot targets, one row per sample
    W = np.zeros((d, n_classes))
    b = np.zeros(n_classes)
    for _ in range(n_iters):
        G = (_softmax(X @ W + b) - Y) / n  # gradient of the mean loss w.r.t. the scores
        grad_W = X.T @ G
        grad_b = G.sum(axis=0)
        W -= lr * grad_W
        b -= lr * grad_b
    return W, b
