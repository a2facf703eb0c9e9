"""Reads the kernel with its height and width axes swapped (w[f, c, v, u] at window offset (u, v))."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    f = w.shape[0]
    wt = w.transpose(0, 1, 3, 2)
    kh, kw = wt.shape[2], wt.shape[3]
    p, s = padding, stride
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    h_out = (h + 2 * p - kh) // s + 1
    w_out = (wd + 2 * p - kw) // s + 1
    out = np.zeros((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, i * s : i * s + kh, j * s : j * s + kw]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", win, wt)
    return out + b[None, :, None, None]
