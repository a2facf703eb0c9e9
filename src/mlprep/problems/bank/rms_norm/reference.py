import numpy as np


def rms_norm(x, gain, eps=1e-6):
    x = np.asarray(x, dtype=float)
    mean_square = (x * x).mean(axis=1, keepdims=True)  # per row, no mean subtracted
    return x / np.sqrt(mean_square + eps) * gain  # eps inside the root; gain (d,) per feature
