"""Takes the number of classes from the labels present (y.max() + 1), ignoring n_classes."""
import numpy as np


def softmax_regression_gd(X, y, n_classes, lr=0.1, n_iters=100):
    n, d = X.shape
    k = int(y.max()) + 1
    Y = np.eye(k)[y]
    W, b = np.zeros((d, k)), np.zeros(k)
    for _ in range(n_iters):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        G = (E / E.sum(axis=1, keepdims=True) - Y) / n
        W = W - lr * X.T @ G
        b = b - lr * G.sum(axis=0)
    return W, b
