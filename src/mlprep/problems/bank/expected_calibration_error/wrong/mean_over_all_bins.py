"""Counts empty bins: averages the bin gaps over all n_bins bins, empty ones as 0."""
import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    edges = np.arange(n_bins + 1) / n_bins
    bins = np.maximum(np.searchsorted(edges, p, side="left") - 1, 0)
    gaps = np.zeros(n_bins)
    for b in range(n_bins):
        if (bins == b).any():
            gaps[b] = abs(y[bins == b].mean() - p[bins == b].mean())
    return float(gaps.mean())
