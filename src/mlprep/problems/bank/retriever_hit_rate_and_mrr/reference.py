import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    candidates = np.asarray(candidates)
    hits, reciprocal_ranks = [], []
    for row, wanted in zip(candidates, relevant, strict=True):
        if len(wanted) == 0:
            continue  # nothing to find: the query is left out of both averages
        found = np.isin(row[:k], wanted)  # the top k only; slicing handles k > L
        if found.any():
            hits.append(1.0)
            reciprocal_ranks.append(1.0 / (np.argmax(found) + 1))  # first relevant, ranks from 1
        else:
            hits.append(0.0)
            reciprocal_ranks.append(0.0)
    if not hits:
        return 0.0, 0.0
    return float(np.mean(hits)), float(np.mean(reciprocal_ranks))
