import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    """Return the mean of -log(max(probs[i, y_true[i]], eps)) over the rows, as a float."""
    y_true = np.asarray(y_true)
    probs = np.asarray(probs, dtype=float)
    # Your code here.
    return 0.0
