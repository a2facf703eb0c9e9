"""Hashes each row's raw bytes, so -0.0 and 0.0 count as different values."""
import numpy as np


def drop_duplicate_rows(X):
    seen = set()
    kept = []
    for i, row in enumerate(np.ascontiguousarray(X, dtype=np.float64)):
        key = row.tobytes()
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return np.array(kept, dtype=np.int64)
