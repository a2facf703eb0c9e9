"""Adds eps to the root mean square instead of to the mean square under the root."""
import numpy as np


def rms_norm(x, gain, eps=1e-6):
    return x / (np.sqrt((x * x).mean(axis=1, keepdims=True)) + eps) * gain
