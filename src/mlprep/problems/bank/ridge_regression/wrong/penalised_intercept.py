"""Appends a column of ones and penalises its coefficient (the intercept) like every weight."""
import numpy as np


def ridge_regression(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])
