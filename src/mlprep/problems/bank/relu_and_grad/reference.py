import numpy as np


def relu_and_grad(z, upstream):
    z = np.asarray(z, dtype=float)
    upstream = np.asarray(upstream, dtype=float)
    active = z > 0  # strictly positive: the slope at exactly 0 is taken to be 0
    out = np.where(active, z, 0.0)
    dz = np.where(active, upstream, 0.0)
    return out, dz
