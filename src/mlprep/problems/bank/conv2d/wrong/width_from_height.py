"""Copy-paste slip: the output width is computed from the input height, (H + 2p - KW) // s + 1."""
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    p, s = padding, stride
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    h_out = (h + 2 * p - kh) // s + 1
    w_out = (h + 2 * p - kw) // s + 1
    out = np.zeros((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, i * s : i * s + kh, j * s : j * s + kw]
            win = np.pad(win, ((0, 0), (0, 0), (0, 0), (0, kw - win.shape[3])))
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + b[None, :, None, None]
