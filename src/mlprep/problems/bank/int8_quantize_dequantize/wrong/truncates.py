"""Casts W / s straight to int8, which truncates towards zero instead of rounding."""
import numpy as np


def int8_quantize_dequantize(W):
    absmax = np.abs(W).max(axis=1)
    s = np.where(absmax > 0, absmax / 127.0, 1.0)
    q = np.clip(W / s[:, None], -127, 127).astype(np.int8)
    return q, s, q * s[:, None]
