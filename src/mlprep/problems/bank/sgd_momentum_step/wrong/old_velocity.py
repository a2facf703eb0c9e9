"""Moves the weights with the old velocity instead of the freshly updated one."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) - lr * grad
    return w + velocity, velocity_new
