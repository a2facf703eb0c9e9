"""Centres each row first (layer norm without a shift), which RMSNorm does not do."""
import numpy as np


def rms_norm(x, gain, eps=1e-6):
    c = x - x.mean(axis=1, keepdims=True)
    return c / np.sqrt((c * c).mean(axis=1, keepdims=True) + eps) * gain
