import numpy as np


def drop_duplicate_rows(X):
    X = np.asarray(X, dtype=float)
    seen = set()
    kept = []
    for i, row in enumerate(X):
        # Python floats: -0.0 == 0.0 and they hash alike, so the two zeros count as equal.
        key = tuple(float(v) for v in row)
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return np.array(kept, dtype=np.int64)
