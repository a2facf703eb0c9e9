import numpy as np


def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    """Fit a Gaussian naive Bayes classifier on (X_train, y_train) and label every row of X_test.

    X_train: float array (n, d); y_train: int array (n,) of non-negative labels;
    X_test: float array (m, d); var_smoothing: float > 0.
    Returns an int array of shape (m,) holding labels taken from y_train.
    """
    y_pred = np.zeros(len(X_test), dtype=int)
    # Your code here.
    return y_pred
