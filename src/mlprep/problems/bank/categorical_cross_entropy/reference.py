import numpy as np


def categorical_cross_entropy(y_true, probs, eps=1e-12):
    y_true = np.asarray(y_true, dtype=np.int64)
    probs = np.asarray(probs, dtype=float)
    n = len(y_true)
    true_class = probs[np.arange(n), y_true]  # one entry per row: row i, column y_true[i]
    clipped = np.clip(true_class, eps, 1.0)  # only the lower bound ever acts on valid input
    return float(-np.mean(np.log(clipped))) + 0.0  # + 0.0 turns a -0.0 into 0.0
