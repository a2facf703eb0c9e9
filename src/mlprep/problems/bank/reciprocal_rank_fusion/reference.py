import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    scores = np.zeros(n_docs, dtype=float)
    retrieved = np.zeros(n_docs, dtype=bool)
    for ranking in rankings:  # lists in the given order, so each score is summed in that order
        for rank, doc in enumerate(ranking, start=1):  # ranks count from 1
            scores[doc] += 1.0 / (k + rank)
            retrieved[doc] = True
    ids = np.flatnonzero(retrieved)  # increasing ids
    order = np.lexsort((ids, -scores[ids]))  # last key first: higher score, then lower id
    return scores, ids[order].astype(np.int64)
