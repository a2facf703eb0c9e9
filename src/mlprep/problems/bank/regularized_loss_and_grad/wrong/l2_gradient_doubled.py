"""Differentiates (l2/2)||w||^2 as 2 * l2 * w, forgetting that the 1/2 cancels the 2."""
import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    r = X @ w - y
    n = len(y)
    loss = r @ r / (2 * n) + l1 * np.abs(w).sum() + l2 / 2 * (w @ w)
    grad = X.T @ r / n + l1 * np.sign(w) + 2 * l2 * w
    return float(loss), grad
