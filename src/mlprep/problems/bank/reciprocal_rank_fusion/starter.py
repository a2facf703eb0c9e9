import numpy as np


def reciprocal_rank_fusion(rankings, n_docs, k=60):
    """Fuse ranked lists of document ids with reciprocal rank fusion.

    rankings: list of lists of ids (best first); score(d) = sum of 1 / (k + rank), rank from 1.
    Returns (scores, fused): scores (n_docs,) float; fused: retrieved ids, best first, ties by
    lower id.
    """
    scores = np.zeros(n_docs)
    fused = np.zeros(0, dtype=np.int64)
    # Your code here.
    return scores, fused
