import numpy as np


def max_pool2d(x, pool, stride):
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    h_out = (h - pool) // stride + 1  # floor: windows that do not fit are dropped
    w_out = (w - pool) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            r, q = i * stride, j * stride
            # Maximum over the window only: each image and channel keeps its own result.
            out[:, :, i, j] = x[:, :, r : r + pool, q : q + pool].max(axis=(2, 3))
    return out
