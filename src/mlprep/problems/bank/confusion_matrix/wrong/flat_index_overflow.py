"""Computes the flat index y_true * K + y_pred in the input dtype, which wraps for int8/uint8."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    flat = np.asarray(y_true) * n_classes + np.asarray(y_pred)
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts[: n_classes * n_classes].reshape(n_classes, n_classes)
