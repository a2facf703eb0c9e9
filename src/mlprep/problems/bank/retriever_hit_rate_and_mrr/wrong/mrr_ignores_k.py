"""Cuts the hit rate at k but takes the reciprocal rank from the whole list, past the cut-off."""
import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    hits, rrs = [], []
    for row, wanted in zip(np.asarray(candidates), relevant):
        if len(wanted) == 0:
            continue
        hits.append(float(np.isin(row[:k], wanted).any()))
        found = np.isin(row, wanted)
        rrs.append(1.0 / (np.argmax(found) + 1) if found.any() else 0.0)
    if not hits:
        return 0.0, 0.0
    return float(np.mean(hits)), float(np.mean(rrs))
