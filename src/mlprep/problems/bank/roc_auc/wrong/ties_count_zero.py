"""Counts only strict wins (positive > negative): a tied pair adds 0 instead of 1/2."""
import numpy as np


def roc_auc(y_true, y_score):
    pos = y_score[y_true == 1]
    neg = y_score[y_true == 0]
    return float((pos[:, None] > neg[None, :]).mean())
