"""Uses the plain mean squared error (no 1/2) in the loss while the gradient assumes the 1/2."""
import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    r = X @ w - y
    n = len(y)
    loss = r @ r / n + l1 * np.abs(w).sum() + l2 / 2 * (w @ w)
    grad = X.T @ r / n + l1 * np.sign(w) + l2 * w
    return float(loss), grad
