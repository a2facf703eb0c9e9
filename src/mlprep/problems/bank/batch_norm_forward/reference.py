import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=0)
    centred = x - mean
    var = (centred**2).mean(axis=0)  # biased: divide by n; two passes stay accurate far from 0
    x_hat = centred / np.sqrt(var + eps)
    return gamma * x_hat + beta
