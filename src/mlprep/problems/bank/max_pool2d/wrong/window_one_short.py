"""Off by one: each window stops one row and one column short (range(pool - 1) offsets)."""
import numpy as np


def max_pool2d(x, pool, stride):
    n, c, h, w = x.shape
    h_out = (h - pool) // stride + 1
    w_out = (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            r, q = i * stride, j * stride
            out[:, :, i, j] = x[:, :, r : r + max(pool - 1, 1), q : q + max(pool - 1, 1)].max(
                axis=(2, 3)
            )
    return out
