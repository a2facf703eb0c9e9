import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(y)
    residual = X @ w - y
    loss = residual @ residual / (2 * n) + l1 * np.abs(w).sum() + 0.5 * l2 * (w @ w)
    # np.sign(0) is 0: the L1 subgradient chosen at an exact zero weight.
    grad = X.T @ residual / n + l1 * np.sign(w) + l2 * w
    return float(loss), grad
