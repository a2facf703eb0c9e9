"""Penalises the squared L1 norm, l1 * ||w||_1^2, instead of l1 * ||w||_1."""
import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    r = X @ w - y
    n = len(y)
    norm1 = np.abs(w).sum()
    loss = r @ r / (2 * n) + l1 * norm1**2 + l2 / 2 * (w @ w)
    grad = X.T @ r / n + 2 * l1 * norm1 * np.sign(w) + l2 * w
    return float(loss), grad
