"""Returns the local slope (z > 0) alone and forgets to multiply by the upstream gradient."""
import numpy as np


def relu_and_grad(z, upstream):
    return np.maximum(z, 0.0), (z > 0).astype(float)
