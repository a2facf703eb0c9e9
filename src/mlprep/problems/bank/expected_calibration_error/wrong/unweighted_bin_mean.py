"""Averages the gaps of the non-empty bins without weighting them by their sizes."""
import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    edges = np.arange(n_bins + 1) / n_bins
    bins = np.maximum(np.searchsorted(edges, p, side="left") - 1, 0)
    gaps = [abs(y[bins == b].mean() - p[bins == b].mean()) for b in range(n_bins) if (bins == b).any()]
    return float(np.mean(gaps))
