"""Puts the predicted class on the rows and the true class on the columns (the transpose)."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    M = np.zeros((n_classes, n_classes), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        M[p, t] += 1
    return M
