import numpy as np


def im2col_conv2d(x, w, b, stride=1, padding=0):
    """Return (cols, out): the im2col matrix of the zero-padded x and the convolution output.

    x: (N, C, H, W); w: (F, C, KH, KW); b: (F,).
    cols: (N * H_out * W_out, C * KH * KW), rows in (n, i, j) order, columns in (c, u, v) order.
    out: (N, F, H_out, W_out), cross-correlation (no kernel flip) plus the bias.
    """
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (wd + 2 * padding - kw) // stride + 1
    cols = np.zeros((n * h_out * w_out, c * kh * kw))
    out = np.zeros((n, f, h_out, w_out))
    # Your code here.
    return cols, out
