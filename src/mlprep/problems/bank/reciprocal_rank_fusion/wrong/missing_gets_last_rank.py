"""Gives a document missing from a list the rank just past that list's end instead of nothing."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    seen = np.zeros(n_docs, dtype=bool)
    for ranking in rankings:
        seen[list(ranking)] = True
    scores = np.zeros(n_docs)
    for ranking in rankings:
        ranks = np.full(n_docs, len(ranking) + 1.0)
        for rank, doc in enumerate(ranking, start=1):
            ranks[doc] = rank
        scores += np.where(seen, 1.0 / (k + ranks), 0.0)
    ids = np.flatnonzero(seen)
    return scores, ids[np.lexsort((ids, -scores[ids]))]
