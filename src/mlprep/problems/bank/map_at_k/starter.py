import numpy as np


def map_at_k(relevance, n_relevant, k):
    """Return MAP@k (a float): the mean over all queries of AP@k.

    relevance: int array (n_queries, L) of 0/1 in ranked order (column 0 is rank 1).
    n_relevant: int array (n_queries,), how many relevant items each query has in total.
    AP@k = (sum of precision@i over ranks i <= k holding a relevant item) / min(k, n_relevant);
    a query with n_relevant == 0 scores 0.0.
    """
    relevance = np.asarray(relevance)
    n_relevant = np.asarray(n_relevant)
    # Your code here.
    return 0.0
