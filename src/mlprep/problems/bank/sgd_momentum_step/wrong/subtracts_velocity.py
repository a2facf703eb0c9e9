"""Sign slip: computes v = momentum * v - lr * grad correctly but then subtracts it from w."""
import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    velocity_new = momentum * np.asarray(velocity) - lr * grad
    return w - velocity_new, velocity_new
