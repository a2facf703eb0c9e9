import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    # Forward pass.
    z = X @ W1 + b1  # (n, H) pre-activation
    h = np.maximum(z, 0.0)  # ReLU
    pred = h @ W2 + b2  # (n, 1)
    diff = pred - y
    loss = float(np.mean(diff**2))
    # Backward pass, one layer at a time.
    d_pred = 2.0 * diff / n  # dL/dpred, (n, 1)
    dW2 = h.T @ d_pred  # (H, 1)
    db2 = d_pred.sum(axis=0)  # (1,): summed over the samples
    d_h = d_pred @ W2.T  # (n, H)
    d_z = d_h * (z > 0)  # the ReLU passes gradient only where z > 0 (0 at z == 0)
    dW1 = X.T @ d_z  # (d, H)
    db1 = d_z.sum(axis=0)  # (H,)
    return loss, dW1, db1, dW2, db2
