import numpy as np


def linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    # Append a column of ones: its coefficient is the intercept.
    A = np.hstack([X, np.ones((len(X), 1))])
    # lstsq works on A itself (SVD), never forming A.T @ A, which would square its condition number.
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta[:-1], float(theta[-1])
