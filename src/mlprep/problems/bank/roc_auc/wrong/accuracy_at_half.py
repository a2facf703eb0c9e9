"""Returns the accuracy of thresholding the scores at 0.5, not the area under the ROC curve."""
import numpy as np


def roc_auc(y_true, y_score):
    return float(np.mean((y_score >= 0.5).astype(int) == y_true))
