"""Returns the root of the MSE as the MAE."""
import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    r = y - p
    mse = np.mean(r**2)
    if np.all(y == y[0]):
        r2 = 1.0 if mse == 0 else 0.0
    else:
        r2 = 1.0 - np.sum(r**2) / np.sum((y - y.mean()) ** 2)
    return float(mse), float(np.sqrt(mse)), float(r2)
