"""Computes r2 as 1 - MSE / var(y, ddof=1), mixing a biased and an unbiased estimate."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    mse = np.mean(r**2)
    if np.all(y == y[0]):
        r2 = 1.0 if mse == 0 else 0.0
    else:
        r2 = 1.0 - mse / np.var(y, ddof=1)
    return float(mse), float(np.mean(np.abs(r))), float(r2)
