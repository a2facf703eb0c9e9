"""Computes the variance as E[x^2] - E[x]^2, which cancels catastrophically for large means."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0)
    var = (x * x).mean(axis=0) - mean * mean
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
