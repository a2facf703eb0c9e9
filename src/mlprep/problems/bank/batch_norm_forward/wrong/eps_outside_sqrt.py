"""Adds eps to the standard deviation instead of to the variance under the square root."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    return gamma * (x - mean) / (std + eps) + beta
