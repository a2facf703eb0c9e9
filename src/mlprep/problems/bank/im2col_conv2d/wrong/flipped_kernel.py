"""Flips the kernel (textbook convolution) instead of cross-correlating with it as given."""
import numpy as np


def im2col_conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    s, p = stride, padding
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    ho, wo = (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1
    rows = []
    for i in range(n):
        for r in range(ho):
            for q in range(wo):
                rows.append(xp[i, :, r * s : r * s + kh, q * s : q * s + kw].ravel())
    cols = np.array(rows)
    out = cols @ w[:, :, ::-1, ::-1].reshape(f, -1).T + b
    return cols, out.reshape(n, ho, wo, f).transpose(0, 3, 1, 2)
