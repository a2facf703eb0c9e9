import numpy as np


def macro_f1(y_true, y_pred, n_classes):
    y_true = np.asarray(y_true).astype(np.int64)
    y_pred = np.asarray(y_pred).astype(np.int64)
    total = 0.0
    for c in range(n_classes):
        actual = y_true == c
        predicted = y_pred == c
        tp = int(np.sum(actual & predicted))
        fp = int(np.sum(~actual & predicted))
        fn = int(np.sum(actual & ~predicted))
        denominator = 2 * tp + fp + fn
        total += 2 * tp / denominator if denominator else 0.0  # absent class: 0.0
    return total / n_classes  # every class counts, present or not
