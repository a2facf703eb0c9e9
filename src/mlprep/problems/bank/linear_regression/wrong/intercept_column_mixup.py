"""Puts the column of ones first but reads the intercept from the last coefficient."""
import numpy as np


def linear_regression(X, y):
    A = np.hstack([np.ones((len(X), 1)), X])
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta[:-1], float(theta[-1])
