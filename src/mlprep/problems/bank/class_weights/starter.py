import numpy as np


def class_weights(y, n_classes):
    """Return weights, a float array of shape (n_classes,): the "balanced" weight of each class.

    weights[c] = n / (n_classes * count_c), and 0.0 for a class that never occurs in y.
    """
    weights = np.ones(n_classes, dtype=float)
    # Your code here.
    return weights
