"""Does not skip empty bins: their 0/0 means turn the whole sum into NaN."""
import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(y_prob, dtype=float)
    edges = np.arange(n_bins + 1) / n_bins
    bins = np.maximum(np.searchsorted(edges, p, side="left") - 1, 0)
    counts = np.bincount(bins, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_y = np.bincount(bins, weights=y, minlength=n_bins) / counts
        mean_p = np.bincount(bins, weights=p, minlength=n_bins) / counts
    return float(np.sum(counts / len(y) * np.abs(mean_y - mean_p)))
