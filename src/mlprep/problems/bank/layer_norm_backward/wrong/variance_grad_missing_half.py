"""Drops the 1/2 of the derivative of the square root in the variance path (dvar = dstd / std)."""
import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    n, d = x.shape
    xc = x - x.mean(axis=1, keepdims=True)
    std = np.sqrt((xc**2).mean(axis=1, keepdims=True) + eps)
    xh = xc / std
    dxh = dout * gamma
    dstd = -(dxh * xc).sum(axis=1, keepdims=True) / std**2
    dvar = dstd / std
    dxc = dxh / std + dvar * 2 * xc / d
    dx = dxc - dxc.mean(axis=1, keepdims=True)
    return dx, (dout * xh).sum(axis=0), dout.sum(axis=0)
