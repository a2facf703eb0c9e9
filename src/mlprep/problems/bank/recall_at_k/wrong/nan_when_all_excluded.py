"""Takes the mean of an empty selection when every query is excluded: NaN instead of 0.0."""
import numpy as np


def recall_at_k(relevance, n_relevant, k):
    rel = np.asarray(relevance)
    n = np.asarray(n_relevant, dtype=float)
    keep = n > 0
    with np.errstate(invalid="ignore"):
        vals = rel[keep, :k].sum(axis=1) / n[keep]
        return float(np.nanmean(vals)) if vals.size else float("nan")
