"""Goes through precision and recall with unguarded NumPy division: NaN whenever TP is 0."""
import numpy as np


def f1_score(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.float64(tp) / (tp + fp)
        recall = np.float64(tp) / (tp + fn)
        return float(2 * precision * recall / (precision + recall))
