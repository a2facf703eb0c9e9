import numpy as np


def mrr(relevance):
    """Return the mean reciprocal rank (a float) over all queries.

    relevance: int array (n_queries, L) of 0/1, each row in ranked order (column 0 is rank 1).
    A query scores 1 / (rank of its first relevant item), or 0.0 when it has none.
    """
    relevance = np.asarray(relevance)
    # Your code here.
    return 0.0
