"""Divides by var(x) without a guard, so a constant covariate gives NaN everywhere."""
import numpy as np


def cuped(y, x):
    with np.errstate(invalid="ignore", divide="ignore"):
        theta = np.cov(y, x)[0, 1] / np.var(x, ddof=1)
        y_adj = y - theta * (x - x.mean())
        vy = np.var(y, ddof=1)
        return y_adj, float(1 - np.var(y_adj, ddof=1) / vy) if vy > 0 else 0.0
