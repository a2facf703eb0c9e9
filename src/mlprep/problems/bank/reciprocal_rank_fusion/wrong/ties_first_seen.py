"""Sorts a dict's documents by score only, so ties keep first-seen order instead of lower id first."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    fused = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (k + rank)
    scores = np.zeros(n_docs)
    for doc, score in fused.items():
        scores[doc] = score
    order = sorted(fused, key=lambda d: fused[d], reverse=True)
    return scores, np.array(order, dtype=np.int64)
