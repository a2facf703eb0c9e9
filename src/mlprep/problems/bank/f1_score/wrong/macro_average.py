"""Averages the F1 of both classes (macro F1) instead of scoring class 1 only."""
import numpy as np


def _f1(actual, predicted):
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    denominator = 2 * tp + fp + fn
    return 0.0 if denominator == 0 else 2 * tp / denominator


def f1_score(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    return (_f1(actual, predicted) + _f1(~actual, ~predicted)) / 2
