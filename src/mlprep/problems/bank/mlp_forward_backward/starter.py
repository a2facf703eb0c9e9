import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """Return (loss, dW1, db1, dW2, db2) for pred = relu(X @ W1 + b1) @ W2 + b2 and the
    mean squared error loss = mean((pred - y) ** 2).

    X: (n, d), y: (n, 1), W1: (d, H), b1: (H,), W2: (H, 1), b2: (1,).
    The gradients have the shapes of the parameters they belong to.
    """
    loss = 0.0
    dW1, db1 = np.zeros_like(W1, dtype=float), np.zeros_like(b1, dtype=float)
    dW2, db2 = np.zeros_like(W2, dtype=float), np.zeros_like(b2, dtype=float)
    # Your code here.
    return loss, dW1, db1, dW2, db2
