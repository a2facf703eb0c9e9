"""Uses the correlation of y and x as theta, forgetting the ratio of their standard deviations."""
import numpy as np


def cuped(y, x):
    sx, sy = np.std(x, ddof=1), np.std(y, ddof=1)
    theta = np.cov(y, x)[0, 1] / (sx * sy) if sx > 0 and sy > 0 else 0.0
    y_adj = y - theta * (x - x.mean())
    vy = sy**2
    return y_adj, float(1 - np.var(y_adj, ddof=1) / vy) if vy > 0 else 0.0
