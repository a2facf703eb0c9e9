"""Computes each row's variance as E[x^2] - E[x]^2, which cancels catastrophically for large means."""
import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=1, keepdims=True)
    var = (x * x).mean(axis=1, keepdims=True) - mean * mean
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
