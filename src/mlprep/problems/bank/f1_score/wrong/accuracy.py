"""Returns the accuracy (fraction of matching labels) instead of F1."""
import numpy as np


def f1_score(y_true, y_pred):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
