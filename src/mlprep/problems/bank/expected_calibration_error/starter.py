import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    """Return the expected calibration error (a float) of binary probabilities.

    y_true: int array (n,) of 0/1; y_prob: float array (n,), predicted P(class 1) in [0, 1].
    Bin b (0-based) holds b / n_bins < p <= (b + 1) / n_bins; p = 0.0 goes into bin 0.
    ECE = sum over non-empty bins of (count / n) * |mean(y_true) - mean(y_prob)|.
    """
    y_true = np.asarray(y_true)
    y_prob = np.asarray(y_prob, dtype=float)
    # Your code here.
    return 0.0
