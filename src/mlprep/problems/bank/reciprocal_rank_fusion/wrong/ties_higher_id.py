"""Reverses an ascending stable sort, so tied documents come out with the higher id first."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    scores = np.zeros(n_docs)
    seen = np.zeros(n_docs, dtype=bool)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
            seen[doc] = True
    ids = np.flatnonzero(seen)
    return scores, ids[np.argsort(scores[ids], kind="stable")[::-1]]
