"""Sums the hinge subgradients over the samples instead of averaging them (the 1/n is missing)."""
import numpy as np


def linear_svm_subgradient(X, y, C, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        active = y * (X @ w + b) < 1
        s = np.where(active, y, 0).astype(float)
        gw = w - C * (X.T @ s)
        gb = -C * s.sum()
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
