import numpy as np


def recall_at_k(relevance, n_relevant, k):
    """Return the mean recall@k (a float) over the queries that have relevant items.

    relevance: int array (n_queries, L) of 0/1 in ranked order (column 0 is rank 1).
    n_relevant: int array (n_queries,), how many relevant items each query has in total.
    Queries with n_relevant == 0 are left out; 0.0 if no query is left.
    """
    relevance = np.asarray(relevance)
    n_relevant = np.asarray(n_relevant)
    # Your code here.
    return 0.0
