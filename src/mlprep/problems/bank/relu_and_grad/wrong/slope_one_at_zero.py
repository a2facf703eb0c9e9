"""Uses z >= 0 for the mask, so an input of exactly 0 passes the upstream gradient through."""
import numpy as np


def relu_and_grad(z, upstream):
    return np.maximum(z, 0.0), upstream * (z >= 0)
