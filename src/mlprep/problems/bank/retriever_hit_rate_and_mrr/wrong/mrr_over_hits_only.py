"""Averages the reciprocal ranks over the queries with a hit only, so misses no longer pull MRR down."""
import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    hits, rrs = [], []
    for row, wanted in zip(np.asarray(candidates), relevant):
        if len(wanted) == 0:
            continue
        found = np.isin(row[:k], wanted)
        hits.append(float(found.any()))
        if found.any():
            rrs.append(1.0 / (np.argmax(found) + 1))
    if not hits:
        return 0.0, 0.0
    return float(np.mean(hits)), float(np.mean(rrs)) if rrs else 0.0
