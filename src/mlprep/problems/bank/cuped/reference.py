import numpy as np


def cuped(y, x):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    # Centre first (two-pass moments stay accurate when the values sit far from 0).
    xc = x - x.mean()
    yc = y - y.mean()
    n = len(y)
    var_x = (xc @ xc) / (n - 1)  # ddof = 1 for every variance and covariance
    cov_xy = (xc @ yc) / (n - 1)
    theta = cov_xy / var_x if var_x > 0 else 0.0  # a constant covariate carries no information
    y_adjusted = y - theta * xc
    var_y = (yc @ yc) / (n - 1)
    if var_y == 0:
        return y_adjusted, 0.0
    resid = y_adjusted - y_adjusted.mean()
    var_adjusted = (resid @ resid) / (n - 1)
    return y_adjusted, float(1 - var_adjusted / var_y)
