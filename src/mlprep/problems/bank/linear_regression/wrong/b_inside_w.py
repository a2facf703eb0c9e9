"""Returns the whole parameter vector (weights and intercept) as w, so w has d + 1 entries."""
import numpy as np


def linear_regression(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta, float(theta[-1])
