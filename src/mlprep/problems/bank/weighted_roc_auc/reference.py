import numpy as np


def weighted_roc_auc(y_true, y_score, sample_weight):
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score)  # ints stay ints: ties are compared exactly
    weight = np.asarray(sample_weight, dtype=float)
    is_pos = y_true == 1
    # Share of each class's total weight: sums to 1 per class, so no product can overflow.
    w_pos = weight[is_pos] / weight[is_pos].sum()
    w_neg = weight[~is_pos] / weight[~is_pos].sum()
    s_pos = y_score[is_pos]
    order = np.argsort(y_score[~is_pos], kind="stable")
    s_neg = y_score[~is_pos][order]
    # cum[k] = weight share of the k lowest-scoring negatives.
    cum = np.concatenate(([0.0], np.cumsum(w_neg[order])))
    lower = np.searchsorted(s_neg, s_pos, side="left")
    lower_or_equal = np.searchsorted(s_neg, s_pos, side="right")
    below = cum[lower]
    tied = cum[lower_or_equal] - cum[lower]
    return float(np.sum(w_pos * (below + 0.5 * tied)))
