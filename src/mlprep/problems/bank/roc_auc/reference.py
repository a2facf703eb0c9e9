import numpy as np


def roc_auc(y_true, y_score):
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score)  # ints stay ints: ties are compared exactly
    positives = y_score[y_true == 1]
    negatives = np.sort(y_score[y_true == 0])
    # For every positive: how many negatives score strictly lower, and how many tie with it.
    lower = np.searchsorted(negatives, positives, side="left")
    lower_or_equal = np.searchsorted(negatives, positives, side="right")
    wins = lower.sum() + 0.5 * (lower_or_equal - lower).sum()
    return float(wins / (len(positives) * len(negatives)))
