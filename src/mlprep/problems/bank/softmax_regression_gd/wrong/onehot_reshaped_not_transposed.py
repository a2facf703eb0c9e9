"""Builds the one-hot matrix as (n_classes, n) and reshapes it to (n, n_classes) instead of transposing."""
import numpy as np


def softmax_regression_gd(X, y, n_classes, lr=0.1, n_iters=100):
    n, d = X.shape
    Y = np.zeros((n_classes, n))
    Y[y, np.arange(n)] = 1.0
    Y = Y.reshape(n, n_classes)
    W, b = np.zeros((d, n_classes)), np.zeros(n_classes)
    for _ in range(n_iters):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        G = (E / E.sum(axis=1, keepdims=True) - Y) / n
        W = W - lr * X.T @ G
        b = b - lr * G.sum(axis=0)
    return W, b
