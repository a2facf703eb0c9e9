"""Scalar math.exp(-x) in a loop: raises OverflowError for x below about -709.78."""
import math

import numpy as np


def sigmoid_and_grad(z):
    z = np.asarray(z, dtype=float)
    s = np.array([1.0 / (1.0 + math.exp(-x)) for x in z.ravel()]).reshape(z.shape)
    return s, s * (1.0 - s)
