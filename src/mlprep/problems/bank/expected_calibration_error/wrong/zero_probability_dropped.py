"""Tests lo < p <= hi for every bin with no exception for 0.0, so p = 0 falls in no bin."""
import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    total = 0.0
    for b in range(n_bins):
        m = (p > b / n_bins) & (p <= (b + 1) / n_bins)
        if m.any():
            total += m.sum() / len(y) * abs(y[m].mean() - p[m].mean())
    return total
