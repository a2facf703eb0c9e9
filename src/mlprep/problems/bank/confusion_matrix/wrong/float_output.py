"""Right counts, wrong type: the matrix is built with np.zeros and comes back as floats."""
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    M = np.zeros((n_classes, n_classes))
    np.add.at(M, (np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)), 1)
    return M
