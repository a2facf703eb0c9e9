"""Uses np.heaviside(z, 0.5), which gives the slope 1/2 at exactly 0 instead of 0."""
import numpy as np


def relu_and_grad(z, upstream):
    return np.maximum(z, 0.0), upstream * np.heaviside(z, 0.5)
