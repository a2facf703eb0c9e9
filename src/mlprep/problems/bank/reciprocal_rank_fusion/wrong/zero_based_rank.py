"""Counts ranks from 0, so the first document of a list scores 1 / k instead of 1 / (k + 1)."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    scores = np.zeros(n_docs)
    seen = np.zeros(n_docs, dtype=bool)
    for ranking in rankings:
        for rank, doc in enumerate(ranking):
            scores[doc] += 1.0 / (k + rank)
            seen[doc] = True
    ids = np.flatnonzero(seen)
    return scores, ids[np.lexsort((ids, -scores[ids]))]
