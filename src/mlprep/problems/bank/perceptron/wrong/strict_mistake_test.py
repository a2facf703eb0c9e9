"""Updates only when y_i (w.x_i + b) < 0, so a zero margin (and the very first sample) never updates."""
import numpy as np


def perceptron(X, y, n_epochs, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        for xi, yi in zip(X, y):  # samples in index order
            if yi * (xi @ w + b) < 0:  # a zero margin counts as a mistake
                w += lr * yi * xi
                b += lr * yi
    return w, float(b)
