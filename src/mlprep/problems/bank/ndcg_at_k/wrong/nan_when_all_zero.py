"""Divides by IDCG without a guard: NaN when every relevance is 0."""
import numpy as np


def _dcg(gains, k):
    top = gains[:k]
    return np.sum(top / np.log2(np.arange(2, top.size + 2)))


def ndcg_at_k(relevances, k):
    gains = 2.0 ** np.asarray(relevances, dtype=float) - 1
    with np.errstate(invalid="ignore"):
        return float(_dcg(gains, k) / _dcg(np.sort(gains)[::-1], k))
