"""Relabels the classes that occur with np.unique, so absent classes lose their row and column."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    labels = np.unique(np.concatenate([y_true, y_pred]))
    t = np.searchsorted(labels, y_true)
    p = np.searchsorted(labels, y_pred)
    M = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(M, (t, p), 1)
    return M
