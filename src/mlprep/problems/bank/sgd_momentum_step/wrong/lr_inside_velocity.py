"""Uses the other convention: v = momentum * v + grad, then w -= lr * v (returns that v)."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) + grad
    return w - lr * velocity_new, velocity_new
