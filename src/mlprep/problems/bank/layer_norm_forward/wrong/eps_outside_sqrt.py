"""Adds eps to the standard deviation instead of to the variance under the square root."""
import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=1, keepdims=True)
    std = x.std(axis=1, keepdims=True)
    return gamma * (x - mean) / (std + eps) + beta
