import numpy as np


def macro_f1(y_true, y_pred, n_classes):
    """Return the macro-averaged F1 score (a float) over the classes 0 .. n_classes - 1.

    y_true, y_pred: 1-D integer arrays of the same length with values in [0, n_classes).
    Every class counts in the average, including classes that appear in neither array.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    # Your code here.
    return 0.0
