import numpy as np


def precision_recall(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    tp = int(np.count_nonzero(actual & predicted))
    n_predicted = int(np.count_nonzero(predicted))  # TP + FP
    n_actual = int(np.count_nonzero(actual))  # TP + FN
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_actual if n_actual else 0.0
    return float(precision), float(recall)
