import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    """Return (w_new, velocity_new) after one step of SGD with momentum.

    w, grad, velocity: float arrays of the same shape; lr, momentum: floats.
    """
    w_new = np.array(w, dtype=float)
    velocity_new = np.array(velocity, dtype=float)
    # Your code here.
    return w_new, velocity_new
