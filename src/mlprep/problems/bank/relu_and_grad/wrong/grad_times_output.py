"""Multiplies the upstream gradient by the forward output instead of by the 0/1 slope."""
import numpy as np


def relu_and_grad(z, upstream):
    out = np.maximum(z, 0.0)
    return out, upstream * out
