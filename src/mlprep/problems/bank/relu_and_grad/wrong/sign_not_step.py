"""Uses np.sign(z) as the slope: negative inputs get -upstream instead of 0."""
import numpy as np


def relu_and_grad(z, upstream):
    return np.maximum(z, 0.0), upstream * np.sign(z)
