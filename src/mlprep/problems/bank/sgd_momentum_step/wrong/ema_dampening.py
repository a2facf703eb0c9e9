"""Damps the gradient by (1 - momentum), an exponential moving average, which the rule does not do."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) - (1 - momentum) * lr * grad
    return w + velocity_new, velocity_new
