def roc_auc(y_true, y_score):
    """Return the area under the ROC curve as a float (a tied positive/negative pair counts 1/2).

    y_true: int array (n,) of 0s and 1s; y_score: float or int array (n,), higher = more positive.
    """
    auc = 0.0
    # Your code here (NumPy is available: import numpy as np).
    return auc
