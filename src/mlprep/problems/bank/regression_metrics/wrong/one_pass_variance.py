"""Computes SS_tot as sum(y^2) - n*mean^2, which cancels catastrophically at large offsets."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    ss_res = np.sum(r**2)
    if np.all(y == y[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        ss_tot = np.sum(y**2) - len(y) * np.mean(y) ** 2
        r2 = 1.0 - ss_res / ss_tot
    return float(np.mean(r**2)), float(np.mean(np.abs(r))), float(r2)
