"""Fits y ~ X @ w without an intercept column and returns b = 0."""
import numpy as np


def linear_regression(X, y):
    w, *_ = np.linalg.lstsq(np.asarray(X, dtype=float), np.asarray(y, dtype=float), rcond=None)
    return w, 0.0
