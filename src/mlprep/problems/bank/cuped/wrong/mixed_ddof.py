"""Divides np.cov (ddof=1) by np.var (ddof=0), so theta is off by a factor n / (n - 1)."""
import numpy as np


def cuped(y, x):
    var_x = np.var(x)
    theta = np.cov(y, x)[0, 1] / var_x if var_x > 0 else 0.0
    y_adj = y - theta * (x - x.mean())
    vy = np.var(y, ddof=1)
    return y_adj, float(1 - np.var(y_adj, ddof=1) / vy) if vy > 0 else 0.0
