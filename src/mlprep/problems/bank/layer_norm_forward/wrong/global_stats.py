"""Uses one mean and one variance for the whole array instead of one per row."""
import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean()
    var = x.var()
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
