import numpy as np


def _dcg(gains_in_order, k):
    top = gains_in_order[:k]
    discounts = np.log2(np.arange(2, top.size + 2))  # positions i = 1..m give log2(i + 1)
    return float(np.sum(top / discounts))


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=np.float64)
    gains = 2.0**rel - 1.0
    ideal = _dcg(np.sort(gains)[::-1], k)  # best order of ALL items, then cut at k
    if ideal == 0.0:
        return 0.0
    return _dcg(gains, k) / ideal
