"""Ignores the smoothing: every seen category gets its raw mean, however few rows it has."""
import numpy as np


def smoothed_target_encoding(train_codes, train_y, test_codes, smoothing):
    y = np.asarray(train_y, dtype=float)
    g = y.mean()
    table = {c: y[train_codes == c].mean() for c in np.unique(train_codes)}
    train = np.array([table[c] for c in train_codes])
    test = np.array([table.get(c, g) for c in test_codes], dtype=float)
    return train, test
