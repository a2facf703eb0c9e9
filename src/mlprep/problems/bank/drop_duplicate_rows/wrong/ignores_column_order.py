"""Sorts each row before comparing, so rows that are permutations of each other are dropped."""
import numpy as np


def drop_duplicate_rows(X):
    seen = set()
    kept = []
    for i, row in enumerate(X):
        key = tuple(sorted(float(v) for v in row))
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return np.array(kept, dtype=np.int64)
