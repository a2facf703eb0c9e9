"""Uses e^z / (1 + e^z) everywhere: e^z overflows for large positive z and inf/inf gives nan."""
import numpy as np


def sigmoid_and_grad(z):
    e = np.exp(z)
    s = e / (1.0 + e)
    return s, s * (1.0 - s)
