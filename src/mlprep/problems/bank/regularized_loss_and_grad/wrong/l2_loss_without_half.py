"""Puts l2 * ||w||^2 in the loss (no 1/2) but keeps l2 * w in the gradient: the two disagree."""
import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    r = X @ w - y
    n = len(y)
    loss = r @ r / (2 * n) + l1 * np.abs(w).sum() + l2 * (w @ w)
    grad = X.T @ r / n + l1 * np.sign(w) + l2 * w
    return float(loss), grad
