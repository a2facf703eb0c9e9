"""Rounds the output size up (ceil mode): keeps a last window that runs past the padded edge."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    p, s = padding, stride
    h_out = -(-(h + 2 * p - kh) // s) + 1
    w_out = -(-(wd + 2 * p - kw) // s) + 1
    # Extra zeros at the bottom/right so the partial windows have something to read.
    extra_h = (h_out - 1) * s + kh - (h + 2 * p)
    extra_w = (w_out - 1) * s + kw - (wd + 2 * p)
    xp = np.pad(x, ((0, 0), (0, 0), (p, p + extra_h), (p, p + extra_w)))
    out = np.zeros((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, i * s : i * s + kh, j * s : j * s + kw]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + b[None, :, None, None]
