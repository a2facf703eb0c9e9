"""Applies the Nesterov look-ahead update to w instead of plain momentum."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) - lr * grad
    return w + momentum * velocity_new - lr * grad, velocity_new
