"""Returns the log-softmax (log-probabilities) instead of the probabilities."""
import numpy as np


def softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
