"""Sign slip: adds lr * grad to the velocity, so the step goes uphill."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) + lr * grad
    return w + velocity_new, velocity_new
