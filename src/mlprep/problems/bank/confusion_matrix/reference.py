import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    true = np.asarray(y_true).astype(np.int64)  # widen first: t * n_classes must not overflow
    pred = np.asarray(y_pred).astype(np.int64)
    flat = true * n_classes + pred  # one number per (true, predicted) pair
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
