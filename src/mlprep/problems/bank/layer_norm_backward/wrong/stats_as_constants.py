"""Treats the row mean and variance as constants: dx = dout * gamma / std, with no gradient through them."""
import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    xc = x - x.mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt((xc**2).mean(axis=1, keepdims=True) + eps)
    xh = xc * inv
    return dout * gamma * inv, (dout * xh).sum(axis=0), dout.sum(axis=0)
