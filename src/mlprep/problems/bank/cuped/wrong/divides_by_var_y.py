"""Regresses the wrong way round: theta = cov(y, x) / var(y) instead of / var(x)."""
import numpy as np


def cuped(y, x):
    vy = np.var(y, ddof=1)
    theta = np.cov(y, x)[0, 1] / vy if vy > 0 else 0.0
    y_adj = y - theta * (x - x.mean())
    return y_adj, float(1 - np.var(y_adj, ddof=1) / vy) if vy > 0 else 0.0
