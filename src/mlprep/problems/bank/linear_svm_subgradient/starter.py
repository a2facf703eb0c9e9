import numpy as np


def linear_svm_subgradient(X, y, C, lr, n_epochs):
    """Train a linear SVM by full-batch subgradient descent on the primal objective; return (w, b).

    Objective: 0.5 * ||w||^2 + C * mean(max(0, 1 - y_i * (w . x_i + b))), b not regularised.
    X: float array (n, d); y: int array (n,) of -1 and +1; C, lr: floats; n_epochs: int.
    Start from w = 0, b = 0 and make exactly n_epochs updates.
    """
    w = np.zeros(X.shape[1])
    b = 0.0
    # Your code here.
    return w, b
