"""Normalises each sample over its features (axis 1, layer-norm style) instead of over the batch."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
