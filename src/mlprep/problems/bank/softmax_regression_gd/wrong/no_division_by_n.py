"""Sums the per-sample gradients instead of averaging them (the 1/n is missing)."""
import numpy as np


def softmax_regression_gd(X, y, n_classes, lr=0.1, n_iters=100):
    n, d = X.shape
    Y = np.eye(n_classes)[y]
    W, b = np.zeros((d, n_classes)), np.zeros(n_classes)
    for _ in range(n_iters):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        G = E / E.sum(axis=1, keepdims=True) - Y
        W = W - lr * X.T @ G
        b = b - lr * G.sum(axis=0)
    return W, b
