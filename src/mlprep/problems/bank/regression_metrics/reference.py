import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    residual = y - p
    mse = float(np.mean(residual**2))
    mae = float(np.mean(np.abs(residual)))
    ss_res = float(np.sum(residual**2))
    if np.all(y == y[0]):
        # Constant targets: SS_tot is exactly 0. Decide on the values themselves, because a
        # floating-point mean of equal numbers is not always exactly that number.
        r2 = 1.0 if ss_res == 0.0 else 0.0
    else:
        ss_tot = float(np.sum((y - y.mean()) ** 2))  # two passes: accurate with large offsets
        r2 = 1.0 - ss_res / ss_tot
    return mse, mae, r2
