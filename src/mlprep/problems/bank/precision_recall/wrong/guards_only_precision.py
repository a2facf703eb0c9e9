"""Guards the precision denominator but not the recall one: NaN recall without positive labels."""
import numpy as np


def precision_recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    precision = float(tp / np.sum(p)) if np.sum(p) > 0 else 0.0
    with np.errstate(invalid="ignore"):
        recall = float(tp / np.sum(t))
    return precision, recall
