"""Ranks all n_docs documents, including those no list retrieved, instead of only the retrieved ones."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    scores = np.zeros(n_docs)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
    return scores, np.argsort(-scores, kind="stable")
