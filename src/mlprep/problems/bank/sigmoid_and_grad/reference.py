import numpy as np


def sigmoid_and_grad(z):
    z = np.asarray(z, dtype=float)
    # exp of a non-positive number lies in (0, 1]: it can underflow to 0 but never overflow.
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    ds = s * (1.0 - s)
    return s, ds
