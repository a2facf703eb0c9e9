import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    """Return (dx, dgamma, dbeta) for out = gamma * (x - mean) / sqrt(var + eps) + beta, with the
    mean and the biased variance taken over each row of x (n, d); dout (n, d) is dL/dout."""
    dx = np.zeros_like(x, dtype=float)
    dgamma = np.zeros(x.shape[1])
    dbeta = np.zeros(x.shape[1])
    # Your code here.
    return dx, dgamma, dbeta
