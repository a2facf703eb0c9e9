import numpy as np


def average_precision(y_true, y_score):
    """Return the average precision (a float) of the scores y_score for binary labels y_true.

    One threshold per distinct score, highest first; tied scores enter together.
    AP = sum over thresholds of (recall gained at the threshold) * (precision at the threshold).
    """
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score)
    # Your code here.
    return 0.0
