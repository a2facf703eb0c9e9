"""Shifts inside the exponential but forgets to add the maximum back to the log-sum-exp."""
import numpy as np


def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
