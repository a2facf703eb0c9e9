import numpy as np


def ndcg_at_k(relevances, k):
    """Return NDCG@k (a float) of a ranked list of graded relevances.

    relevances[0] is the relevance of the item ranked first. Gain 2**rel - 1, discount
    log2(position + 1) with positions starting at 1; 0.0 when the ideal DCG@k is 0.
    """
    relevances = np.asarray(relevances, dtype=float)
    # Your code here.
    return 0.0
