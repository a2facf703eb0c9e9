import numpy as np


def lasso_coordinate_descent(X, y, alpha, n_iters):
    """Return w (float array (d,)) after exactly n_iters cyclic coordinate-descent sweeps on
    (1/(2n)) ||y - X w||^2 + alpha ||w||_1, starting from w = 0 (no intercept)."""
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1])
    # Your code here.
    return w
