import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    """Train logistic regression by batch gradient descent from w = 0, b = 0; return (w, b).

    X: float array (n, d); y: int array (n,) of 0s and 1s; lr: float; n_iters: int.
    Returns w, a float array of shape (d,), and b, a float.
    """
    w = np.zeros(X.shape[1])
    b = 0.0
    # Your code here.
    return w, b
