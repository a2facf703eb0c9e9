import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    """Return the (n_classes, n_classes) integer confusion matrix.

    Entry [i, j] counts the positions where the true class is i and the predicted class is j.
    y_true, y_pred: 1-D integer arrays of the same length, values in [0, n_classes).
    """
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    # Your code here.
    return matrix
