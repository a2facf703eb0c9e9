"""Tests SS_tot == 0 after computing it through the float mean, which misses some constant targets."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    ss_res = np.sum(r**2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    if ss_tot == 0:
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1.0 - ss_res / ss_tot
    return float(np.mean(r**2)), float(np.mean(np.abs(r))), float(r2)
