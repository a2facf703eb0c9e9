"""Takes the L1 subgradient at an exact zero weight as +1 instead of 0."""
import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    r = X @ w - y
    n = len(y)
    loss = r @ r / (2 * n) + l1 * np.abs(w).sum() + l2 / 2 * (w @ w)
    grad = X.T @ r / n + l1 * np.where(w >= 0, 1.0, -1.0) + l2 * w
    return float(loss), grad
