import numpy as np


def regularized_loss_and_grad(w, X, y, l1, l2):
    """Return (loss, grad) of ||Xw - y||^2 / (2n) + l1 * ||w||_1 + (l2 / 2) * ||w||^2.

    loss: float. grad: float array of shape (d,), with the L1 subgradient at w_j == 0 taken as 0.
    """
    loss = 0.0
    grad = np.zeros(len(w))
    # Your code here.
    return loss, grad
