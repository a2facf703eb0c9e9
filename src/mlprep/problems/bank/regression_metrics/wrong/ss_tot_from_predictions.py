"""Swaps the roles: measures SS_tot around the mean of y_pred instead of y_true."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    ss_res = np.sum(r**2)
    if np.all(p == p[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1.0 - ss_res / np.sum((p - p.mean()) ** 2)
    return float(np.mean(r**2)), float(np.mean(np.abs(r))), float(r2)
