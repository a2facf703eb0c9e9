import numpy as np


def regression_metrics(y_true, y_pred):
    """Return (mse, mae, r2) of the predictions y_pred for the targets y_true.

    r2 = 1 - SS_res / SS_tot; when all targets are equal (SS_tot = 0), r2 is 1.0 if the
    predictions are exact and 0.0 otherwise.
    """
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    mse = 0.0
    mae = 0.0
    r2 = 0.0
    # Your code here.
    return mse, mae, r2
