"""Leaves n_classes out of the denominator: n / count_c."""
import numpy as np


def class_weights(y, n_classes):
    counts = np.bincount(y, minlength=n_classes).astype(float)
    w = np.zeros(n_classes)
    w[counts > 0] = len(y) / counts[counts > 0]
    return w
