import numpy as np


def perceptron(X, y, n_epochs, lr=1.0):
    """Train a perceptron with online updates for exactly n_epochs passes over the data.

    X: float array (n, d); y: int array (n,) with values -1 and +1; n_epochs: int >= 0;
    lr: float > 0. Returns (w, b): a float array of shape (d,) and a float.
    """
    w = np.zeros(np.shape(X)[1])
    b = 0.0
    # Your code here.
    return w, b
