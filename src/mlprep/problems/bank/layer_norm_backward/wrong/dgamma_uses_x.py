"""Computes dgamma from the raw x instead of the normalised x_hat."""
import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    xc = x - x.mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt((xc**2).mean(axis=1, keepdims=True) + eps)
    xh = xc * inv
    g = dout * gamma
    dx = inv * (g - g.mean(axis=1, keepdims=True) - xh * (g * xh).mean(axis=1, keepdims=True))
    return dx, (dout * x).sum(axis=0), dout.sum(axis=0)
