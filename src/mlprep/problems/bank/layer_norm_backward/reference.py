import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    centred = x - x.mean(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt((centred**2).mean(axis=1, keepdims=True) + eps)  # (n, 1)
    x_hat = centred * inv_std
    dgamma = (dout * x_hat).sum(axis=0)  # gamma and beta are shared by all rows: sum over them
    dbeta = dout.sum(axis=0)
    g = dout * gamma  # gradient with respect to x_hat
    # Through the row's mean and variance: remove g's mean and its component along x_hat.
    dx = inv_std * (
        g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)
    )
    return dx, dgamma, dbeta
