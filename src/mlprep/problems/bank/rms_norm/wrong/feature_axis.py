"""Takes the mean square of each feature over the batch (axis 0) instead of each row."""
import numpy as np


def rms_norm(x, gain, eps=1e-6):
    return x / np.sqrt((x * x).mean(axis=0, keepdims=True) + eps) * gain
