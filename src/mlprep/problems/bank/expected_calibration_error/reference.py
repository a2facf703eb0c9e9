import numpy as np


def expected_calibration_error(y_true, y_prob, n_bins=10):
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_prob, dtype=np.float64)
    edges = np.arange(n_bins + 1) / n_bins  # edge b is exactly b / n_bins
    # side="left" finds i with edges[i - 1] < p <= edges[i]: bins closed on the right.
    bins = np.searchsorted(edges, p, side="left") - 1
    bins = np.maximum(bins, 0)  # p = 0.0 joins the first bin
    counts = np.bincount(bins, minlength=n_bins)
    sum_true = np.bincount(bins, weights=y, minlength=n_bins)
    sum_prob = np.bincount(bins, weights=p, minlength=n_bins)
    # (count / n) * |mean(y) - mean(p)| = |sum(y) - sum(p)| / n; empty bins add 0.
    return float(np.abs(sum_true - sum_prob)[counts > 0].sum() / len(y))
