"""Bins the confidence of the predicted class, max(p, 1 - p), against its accuracy."""
import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true)
    p = np.asarray(y_prob, dtype=float)
    conf = np.maximum(p, 1 - p)
    correct = ((p > 0.5).astype(int) == y).astype(float)
    edges = np.arange(n_bins + 1) / n_bins
    bins = np.maximum(np.searchsorted(edges, conf, side="left") - 1, 0)
    total = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return total
