import numpy as np


def im2col_conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    s, p = stride, padding
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))  # zeros on the spatial axes only
    h_out = (h + 2 * p - kh) // s + 1  # floor: a window that does not fit is dropped
    w_out = (wd + 2 * p - kw) // s + 1
    # patches[n, i, j, c, u, v] = xp[n, c, i*s + u, j*s + v]
    patches = np.empty((n, h_out, w_out, c, kh, kw))
    for u in range(kh):
        for v in range(kw):
            rows = xp[:, :, u : u + s * (h_out - 1) + 1 : s, v : v + s * (w_out - 1) + 1 : s]
            patches[..., u, v] = rows.transpose(0, 2, 3, 1)  # (N, H_out, W_out, C)
    # One row per output position, ordered (n, i, j); one column per (c, u, v), C-order.
    cols = patches.reshape(n * h_out * w_out, c * kh * kw)
    out = cols @ w.reshape(f, c * kh * kw).T + np.asarray(b, dtype=float)  # (N*H_out*W_out, F)
    out = out.reshape(n, h_out, w_out, f).transpose(0, 3, 1, 2)  # channels back in front
    return cols, np.ascontiguousarray(out)
