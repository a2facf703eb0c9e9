import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    """Return the cross-correlation of x (N, C, H, W) with the filters w (F, C, KH, KW) plus the
    bias b (F,), after zero-padding x by `padding` on all four sides: shape (N, F, H_out, W_out)."""
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (wd + 2 * padding - kw) // stride + 1
    out = np.zeros((n, f, h_out, w_out))
    # Your code here.
    return out
