"""Counts queries with an empty relevant set as misses (0) instead of leaving them out."""
import numpy as np


def retriever_hit_rate_and_mrr(candidates, relevant, k):
    hits, rrs = [], []
    for row, wanted in zip(np.asarray(candidates), relevant):
        found = np.isin(row[:k], wanted)
        hits.append(float(found.any()))
        rrs.append(1.0 / (np.argmax(found) + 1) if found.any() else 0.0)
    return float(np.mean(hits)), float(np.mean(rrs))
