"""Gets w right from centred data but takes b = mean(y), forgetting to subtract mean(X) @ w."""
import numpy as np


def linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xc = X - X.mean(axis=0)
    w = np.linalg.solve(Xc.T @ Xc, Xc.T @ (y - y.mean()))
    return w, float(y.mean())
