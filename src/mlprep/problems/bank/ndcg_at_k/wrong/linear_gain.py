"""Uses the relevance itself as the gain instead of 2**rel - 1."""
import numpy as np


def _dcg(gains, k):
    top = gains[:k]
    return float(np.sum(top / np.log2(np.arange(2, top.size + 2))))


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)
    ideal = _dcg(np.sort(rel)[::-1], k)
    return 0.0 if ideal == 0 else _dcg(rel, k) / ideal
