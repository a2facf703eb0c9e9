def weighted_roc_auc(y_true, y_score, sample_weight):
    """Return the sample-weighted ROC AUC as a float (a tied positive/negative pair counts 1/2).

    y_true: int array (n,) of 0s and 1s; y_score: float or int array (n,), higher = more
    positive; sample_weight: non-negative float or int array (n,).
    """
    auc = 0.0
    # Your code here (NumPy is available: import numpy as np).
    return auc
