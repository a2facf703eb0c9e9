import numpy as np


def f1_score(y_true, y_pred):
    """Return the F1 score (a float) of binary predictions, with class 1 as the positive class.

    y_true, y_pred: 1-D arrays of the same length holding only 0 and 1.
    Return 0.0 when there are no true positives.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    # Your code here.
    return 0.0
