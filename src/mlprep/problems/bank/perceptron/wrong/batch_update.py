"""Sums the corrections of all mistakes of an epoch and applies them at its end (batch, not online)."""
import numpy as np


def perceptron(X, y, n_epochs, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        wrong = y * (X @ w + b) <= 0
        w = w + lr * (y[wrong, None] * X[wrong]).sum(axis=0)
        b = b + lr * y[wrong].sum()
    return w, float(b)
