"""Finds false positives with y_pred - y_true > 0, which wraps around for unsigned labels."""
import numpy as np


def precision_recall(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum(y_pred - y_true > 0))
    fn = int(np.sum(y_true - y_pred > 0))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall
