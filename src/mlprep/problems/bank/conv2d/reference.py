import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    p, s = padding, stride
    # Zero padding on the spatial axes only; batch and channel axes stay as they are.
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    h_out = (h + 2 * p - kh) // s + 1  # floor: a window that does not fit is dropped
    w_out = (wd + 2 * p - kw) // s + 1
    out = np.empty((n, f, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * s : i * s + kh, j * s : j * s + kw]  # (N, C, KH, KW)
            # Cross-correlation: the kernel is used as given, not flipped.
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + np.asarray(b, dtype=float)[None, :, None, None]
