"""Averages a document's reciprocal ranks over the lists that contain it instead of summing them."""
import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    total = np.zeros(n_docs)
    hits = np.zeros(n_docs)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            total[doc] += 1.0 / (k + rank)
            hits[doc] += 1
    scores = np.divide(total, hits, out=np.zeros(n_docs), where=hits > 0)
    ids = np.flatnonzero(hits)
    return scores, ids[np.lexsort((ids, -scores[ids]))]
