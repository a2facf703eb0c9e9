import numpy as np


def clip_grad_global_norm(grads, max_norm):
    """Return (clipped, total_norm): the gradients rescaled together by their global L2 norm.

    grads: a list of gradients, each a (nested) list of floats; clipped: every clipped gradient
    flattened (row-major) and concatenated in order; total_norm: the norm before clipping.
    """
    arrays = [np.asarray(g, dtype=float).ravel() for g in grads]
    total_norm = 0.0
    # Your code here.
    return np.concatenate(arrays), total_norm
