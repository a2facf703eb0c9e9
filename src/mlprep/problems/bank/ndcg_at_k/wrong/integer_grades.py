"""Casts the relevances to int, truncating fractional grades."""
import numpy as np


def _dcg(gains, k):
    top = gains[:k]
    return float(np.sum(top / np.log2(np.arange(2, top.size + 2))))


def ndcg_at_k(relevances, k):
    gains = 2 ** np.asarray(relevances).astype(np.int64) - 1
    ideal = _dcg(np.sort(gains)[::-1], k)
    return 0.0 if ideal == 0 else _dcg(gains, k) / ideal
