"""Treats SS_tot below 1e-10 as zero, so small-scale varying targets count as constant."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    ss_res = np.sum(r**2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    if ss_tot < 1e-10:
        r2 = 1.0 if ss_res < 1e-10 else 0.0
    else:
        r2 = 1.0 - ss_res / ss_tot
    return float(np.mean(r**2)), float(np.mean(np.abs(r))), float(r2)
