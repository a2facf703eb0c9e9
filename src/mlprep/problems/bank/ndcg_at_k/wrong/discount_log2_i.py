"""Discounts position i by log2(i) with i from 1: division by zero at the first position."""
import numpy as np


def _dcg(gains, k):
    top = gains[:k]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(top / np.log2(np.arange(1, top.size + 1))))


def ndcg_at_k(relevances, k):
    gains = 2.0 ** np.asarray(relevances, dtype=float) - 1
    ideal = _dcg(np.sort(gains)[::-1], k)
    return 0.0 if ideal == 0 else _dcg(gains, k) / ideal
