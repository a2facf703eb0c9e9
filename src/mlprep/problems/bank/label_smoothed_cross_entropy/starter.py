import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    """Return the mean label-smoothed cross-entropy (a float) over the non-ignored rows.

    logits: (N, K) floats; targets: (N,) ints in [0, K) or equal to ignore_index; eps in [0, 1].
    Smoothed target: (1 - eps) on the target class plus eps / K on every class.
    """
    logits = np.asarray(logits, dtype=float)
    loss = 0.0
    # Your code here.
    return loss
