"""Sizes the matrix from the largest label seen instead of n_classes."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    k = int(max(y_true.max(initial=0), y_pred.max(initial=0))) + 1
    M = np.zeros((k, k), dtype=np.int64)
    np.add.at(M, (y_true, y_pred), 1)
    return M
