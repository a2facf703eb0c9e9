import numpy as np


def sgd_momentum_step(w, grad, velocity, lr, momentum):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    velocity = np.asarray(velocity, dtype=float)
    velocity_new = momentum * velocity - lr * grad  # decay the old velocity, step downhill
    w_new = w + velocity_new  # move by the NEW velocity
    return w_new, velocity_new
