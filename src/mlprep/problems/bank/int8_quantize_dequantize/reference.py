import numpy as np


def int8_quantize_dequantize(W):
    W = np.asarray(W, dtype=float)
    absmax = np.abs(W).max(axis=1)  # one value per row (output channel)
    scales = np.where(absmax > 0, absmax / 127.0, 1.0)  # an all-zero row gets scale 1
    q = np.clip(np.round(W / scales[:, None]), -127, 127).astype(np.int8)  # half to even
    W_hat = q * scales[:, None]
    return q, scales, W_hat
