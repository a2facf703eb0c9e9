"""Drops a row only when it equals the row just before it (adjacent duplicates only)."""
import numpy as np


def drop_duplicate_rows(X):
    keep = np.ones(len(X), dtype=bool)
    keep[1:] = np.any(X[1:] != X[:-1], axis=1)
    return np.flatnonzero(keep)
