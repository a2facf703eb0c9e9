"""Keeps the last occurrence of each duplicated row instead of the first."""
import numpy as np


def drop_duplicate_rows(X):
    seen = set()
    kept = []
    for i in range(len(X) - 1, -1, -1):
        key = tuple(float(v) for v in X[i])
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return np.array(sorted(kept), dtype=np.int64)
