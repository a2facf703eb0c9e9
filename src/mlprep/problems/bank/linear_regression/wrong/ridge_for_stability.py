"""Adds a small ridge term (1e-6 * I) to X.T @ X "for stability", which biases the solution."""
import numpy as np


def linear_regression(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.solve(A.T @ A + 1e-6 * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])
