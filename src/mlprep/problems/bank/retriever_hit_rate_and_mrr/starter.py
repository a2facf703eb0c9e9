import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    """Return (hit_rate, mrr) at cut-off k.

    candidates: int array (Q, L) of document ids, best first; relevant: list of Q lists of ids.
    Queries with an empty relevant list are left out; (0.0, 0.0) when none remain.
    """
    candidates = np.asarray(candidates)
    hit_rate = 0.0
    mrr = 0.0
    # Your code here.
    return hit_rate, mrr
