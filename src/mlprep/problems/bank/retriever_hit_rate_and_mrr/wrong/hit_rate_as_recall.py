"""Computes recall@k (the share of relevant documents found) instead of a 0/1 hit per query."""
import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    hits, rrs = [], []
    for row, wanted in zip(np.asarray(candidates), relevant):
        if len(wanted) == 0:
            continue
        found = np.isin(row[:k], wanted)
        hits.append(found.sum() / len(wanted))
        rrs.append(1.0 / (np.argmax(found) + 1) if found.any() else 0.0)
    if not hits:
        return 0.0, 0.0
    return float(np.mean(hits)), float(np.mean(rrs))
