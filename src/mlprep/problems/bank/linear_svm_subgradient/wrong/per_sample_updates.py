"""Updates after every sample (a stochastic pass in order) instead of once per epoch on the full batch."""
import numpy as np


def linear_svm_subgradient(X, y, C, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        for i in range(n):
            if y[i] * (X[i] @ w + b) < 1:
                w = w - lr * (w - C * y[i] * X[i])
                b = b + lr * C * y[i]
            else:
                w = w - lr * w
    return w, float(b)
