"""Computes micro F1 (pooled counts over all classes), which equals accuracy here."""
import numpy as np


def macro_f1(y_true, y_pred, n_classes):
    y_true = np.asarray(y_true).astype(np.int64)
    y_pred = np.asarray(y_pred).astype(np.int64)
    tp = fp = fn = 0
    for c in range(n_classes):
        tp += np.sum((y_true == c) & (y_pred == c))
        fp += np.sum((y_true != c) & (y_pred == c))
        fn += np.sum((y_true == c) & (y_pred != c))
    d = 2 * tp + fp + fn
    return float(2 * tp / d) if d else 0.0
