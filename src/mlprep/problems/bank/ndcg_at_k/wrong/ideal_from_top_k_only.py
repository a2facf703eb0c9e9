"""Builds the ideal ranking by sorting only the top-k slice, ignoring items below the cut-off."""
import numpy as np


def _dcg(gains):
    return float(np.sum(gains / np.log2(np.arange(2, gains.size + 2))))


def ndcg_at_k(relevances, k):
    gains = (2.0 ** np.asarray(relevances, dtype=float) - 1)[:k]
    ideal = _dcg(np.sort(gains)[::-1])
    return 0.0 if ideal == 0 else _dcg(gains) / ideal
