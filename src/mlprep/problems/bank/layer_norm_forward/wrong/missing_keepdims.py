"""Drops keepdims: the per-row statistics of shape (n,) broadcast along the columns instead."""
import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=1)
    var = x.var(axis=1)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
