import numpy as np


def average_precision(y_true, y_score):
    positive = np.asarray(y_true) == 1
    scores = np.asarray(y_score)
    order = np.argsort(scores, kind="stable")[::-1]  # highest score first
    scores, positive = scores[order], positive[order]
    tp = np.cumsum(positive)
    # The last position of each run of equal scores: a tie group enters as one threshold.
    ends = np.r_[np.flatnonzero(scores[1:] != scores[:-1]), len(scores) - 1]
    tp = tp[ends]
    precision = tp / (ends + 1)  # everything up to the group's end is predicted positive
    recall = tp / positive.sum()
    gains = np.diff(recall, prepend=0.0)  # R_n - R_{n-1}, with R_0 = 0
    return float(np.sum(gains * precision))
