"""Exponentiates the raw inputs without subtracting the maximum: overflow (inf/inf = nan) for big values."""
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
