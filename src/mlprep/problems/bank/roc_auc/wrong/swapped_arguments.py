"""Takes the arguments in the wrong order (scores first, labels second)."""
import numpy as np


def roc_auc(y_score, y_true):
    pos = y_score[y_true == 1]
    neg = y_score[y_true == 0]
    with np.errstate(all="ignore"):
        wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
        return float(wins / (len(pos) * len(neg)))
