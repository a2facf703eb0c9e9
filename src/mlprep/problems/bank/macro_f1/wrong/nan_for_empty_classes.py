"""Divides by zero for a class absent from both arrays, so the average becomes nan."""
import numpy as np


def macro_f1(y_true, y_pred, n_classes):
    y_true = np.asarray(y_true).astype(np.int64)
    y_pred = np.asarray(y_pred).astype(np.int64)
    f1 = np.zeros(n_classes)
    for c in range(n_classes):
        tp = np.sum((y_true == c) & (y_pred == c))
        fp = np.sum((y_true != c) & (y_pred == c))
        fn = np.sum((y_true == c) & (y_pred != c))
        with np.errstate(invalid="ignore", divide="ignore"):
            f1[c] = np.float64(2 * tp) / np.float64(2 * tp + fp + fn)
    return float(f1.mean())
