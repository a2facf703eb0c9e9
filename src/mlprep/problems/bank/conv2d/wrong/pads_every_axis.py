"""Calls np.pad(x, padding), which pads the batch and channel axes too, not just height and width."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    p, s = padding, stride
    xp = np.pad(x, p)
    h_out = (h + 2 * p - kh) // s + 1
    w_out = (wd + 2 * p - kw) // s + 1
    out = np.zeros((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, i * s : i * s + kh, j * s : j * s + kw]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + b[None, :, None, None]
