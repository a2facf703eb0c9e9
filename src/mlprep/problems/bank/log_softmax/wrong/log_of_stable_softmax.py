"""Computes a stable softmax, then its log: probabilities that underflow to 0 give -inf."""
import numpy as np


def log_softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return np.log(e / e.sum(axis=-1, keepdims=True))
