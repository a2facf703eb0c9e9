import numpy as np


def f1_score(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    tp = int(np.count_nonzero(actual & predicted))
    fp = int(np.count_nonzero(~actual & predicted))
    fn = int(np.count_nonzero(actual & ~predicted))
    denominator = 2 * tp + fp + fn
    if denominator == 0:
        return 0.0
    return 2 * tp / denominator
