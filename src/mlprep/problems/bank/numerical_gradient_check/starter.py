import numpy as np


def numerical_gradient_check(W, X, y, h=1e-5):
    """Return (numeric_grad, max_relative_error) for the mean softmax cross-entropy of X @ W.

    numeric_grad: float array of W's shape, the central difference (L(W + h E) - L(W - h E)) / 2h
        with one entry moved at a time.
    max_relative_error: float, the largest |N - G| / max(1e-12, |N| + |G|) against the exact
        gradient G = X.T @ (softmax(X @ W) - one_hot(y)) / n.
    """
    numeric_grad = np.zeros_like(W, dtype=float)
    max_relative_error = 0.0
    # Your code here.
    return numeric_grad, max_relative_error
