import numpy as np


def cuped(y, x):
    """Return (y_adjusted, variance_reduction) of the CUPED adjustment of y by the covariate x.

    theta = cov(y, x) / var(x) (both with ddof=1), y_adjusted = y - theta * (x - mean(x)),
    variance_reduction = 1 - var(y_adjusted) / var(y).
    """
    y_adjusted = np.array(y, dtype=float)
    variance_reduction = 0.0
    # Your code here.
    return y_adjusted, variance_reduction
