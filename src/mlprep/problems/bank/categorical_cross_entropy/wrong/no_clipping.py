"""Takes the log without clipping: a true-class probability of 0 gives an infinite loss."""
import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(probs[np.arange(len(y_true)), y_true])))
