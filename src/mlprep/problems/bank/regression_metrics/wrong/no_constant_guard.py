"""Never special-cases constant targets: SS_res / 0 gives -inf or NaN."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = 1.0 - np.sum(r**2) / np.sum((y - y.mean()) ** 2)
    return float(np.mean(r**2)), float(np.mean(np.abs(r))), float(r2)
