"""Subtracts theta * x instead of theta * (x - mean x), which shifts the mean of the metric."""
import numpy as np


def cuped(y, x):
    var_x = np.var(x, ddof=1)
    theta = np.cov(y, x)[0, 1] / var_x if var_x > 0 else 0.0
    y_adj = y - theta * x
    vy = np.var(y, ddof=1)
    return y_adj, float(1 - np.var(y_adj, ddof=1) / vy) if vy > 0 else 0.0
