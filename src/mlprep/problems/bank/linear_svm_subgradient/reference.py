import numpy as np


def linear_svm_subgradient(X, y, C, lr, n_epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_epochs):
        margins = y * (X @ w + b)
        violating = margins < 1.0  # strict: a margin of exactly 1 contributes nothing
        coef = np.where(violating, y, 0.0)  # y_i for the samples inside the margin, else 0
        grad_w = w - C / n * (X.T @ coef)
        grad_b = -C / n * coef.sum()  # b is not regularised
        w -= lr * grad_w
        b -= lr * grad_b
    return w, float(b)
