"""Computes variance and covariance as E[xy] - E[x]E[y], which cancels catastrophically far from 0."""
import numpy as np


def cuped(y, x):
    n = len(y)
    k = n / (n - 1)
    var_x = (np.mean(x * x) - np.mean(x) ** 2) * k
    cov = (np.mean(x * y) - np.mean(x) * np.mean(y)) * k
    theta = cov / var_x if var_x > 0 else 0.0
    y_adj = y - theta * (x - np.mean(x))
    var_y = (np.mean(y * y) - np.mean(y) ** 2) * k
    var_a = (np.mean(y_adj * y_adj) - np.mean(y_adj) ** 2) * k
    return y_adj, float(1 - var_a / var_y) if var_y > 0 else 0.0
