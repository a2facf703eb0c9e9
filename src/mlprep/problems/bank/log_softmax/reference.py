import numpy as np


def log_softmax(z):
    z = np.asarray(z, dtype=float)
    # Shift every slice so its largest entry is 0: exp() cannot overflow, and the sum is >= 1,
    # so its logarithm is finite. The answer is then (z - max) - log(sum(exp(z - max))).
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
