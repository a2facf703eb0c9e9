import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    # Shift every slice so its largest entry is 0: exp() then never overflows.
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
