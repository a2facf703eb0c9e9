import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=1, keepdims=True)  # one mean per row, shape (n, 1)
    centred = x - mean
    var = (centred**2).mean(axis=1, keepdims=True)  # biased: divide by d
    x_hat = centred / np.sqrt(var + eps)
    return gamma * x_hat + beta  # gamma, beta (d,) broadcast over the rows
