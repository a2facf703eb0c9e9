"""Returns np.unique(X, axis=0)'s first indices as they come, in sorted-row order."""
import numpy as np


def drop_duplicate_rows(X):
    _, idx = np.unique(X, axis=0, return_index=True)
    return idx.astype(np.int64)
