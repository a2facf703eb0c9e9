import numpy as np


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    """Return the mean binary cross-entropy (a float) of probabilities y_prob for labels y_true.

    Clip y_prob to [eps, 1 - eps] first, then average -(y log p + (1 - y) log(1 - p)) in float64.
    """
    y_true = np.asarray(y_true)
    y_prob = np.asarray(y_prob)
    # Your code here.
    return 0.0
