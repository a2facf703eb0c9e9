"""Sizes the output for the stride but starts window (i, j) at row i, column j (stride forgotten)."""
import numpy as np


def max_pool2d(x, pool, stride):
    n, c, h, w = x.shape
    h_out = (h - pool) // stride + 1
    w_out = (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            out[:, :, i, j] = x[:, :, i : i + pool, j : j + pool].max(axis=(2, 3))
    return out
