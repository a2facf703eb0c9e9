import numpy as np


def softmax_regression_gd(X, y, n_classes, lr=0.1, n_iters=100):
    """Train multinomial logistic regression by batch gradient descent; return (W, b).

    X: float array (n, d); y: int array (n,) with labels in [0, n_classes).
    Start from W = 0 (shape (d, n_classes)) and b = 0 (shape (n_classes,)) and make exactly
    n_iters simultaneous updates on the mean cross-entropy.
    """
    W = np.zeros((X.shape[1], n_classes))
    b = np.zeros(n_classes)
    # Your code here.
    return W, b
