"""Leaves eps out entirely: a constant column divides 0 by 0."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    with np.errstate(all="ignore"):
        return gamma * (x - mean) / np.sqrt(var) + beta
