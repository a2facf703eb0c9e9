import numpy as np


def class_weights(y, n_classes):
    y = np.asarray(y)
    n = len(y)
    counts = np.bincount(y, minlength=n_classes).astype(float)
    weights = np.zeros(n_classes, dtype=float)
    present = counts > 0
    weights[present] = n / (n_classes * counts[present])  # empty classes keep weight 0.0
    return weights
