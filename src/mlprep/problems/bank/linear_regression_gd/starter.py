import numpy as np


def linear_regression_gd(X, y, lr=0.01, n_iters=1000):
    """Fit y ~ X w + b by batch gradient descent on the mean squared error; return (w, b).

    Start from w = 0, b = 0 and make exactly n_iters simultaneous updates.
    X: float array (n, d); y: float array (n,); lr: float; n_iters: int.
    Returns w, a float array of shape (d,), and b, a float.
    """
    w = np.zeros(X.shape[1])
    b = 0.0
    # Your code here.
    return w, b
