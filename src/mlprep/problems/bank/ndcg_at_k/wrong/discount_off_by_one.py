"""Discounts position i (from 1) by log2(i + 2) instead of log2(i + 1)."""
import numpy as np


def _dcg(gains, k):
    top = gains[:k]
    return float(np.sum(top / np.log2(np.arange(3, top.size + 3))))


def ndcg_at_k(relevances, k):
    gains = 2.0 ** np.asarray(relevances, dtype=float) - 1
    ideal = _dcg(np.sort(gains)[::-1], k)
    return 0.0 if ideal == 0 else _dcg(gains, k) / ideal
