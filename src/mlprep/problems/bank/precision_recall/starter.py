import numpy as np


def precision_recall(y_true, y_pred):
    """Return (precision, recall) of binary predictions, class 1 being the positive class.

    y_true, y_pred: 1-D arrays of the same length holding only 0 and 1.
    precision is 0.0 when nothing is predicted positive; recall is 0.0 when no label is positive.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    precision = 0.0
    recall = 0.0
    # Your code here.
    return precision, recall
