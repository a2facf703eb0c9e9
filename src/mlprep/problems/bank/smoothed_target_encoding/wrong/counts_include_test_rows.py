"""Counts n_c over train and test codes together, leaking the test set into the weights."""
import numpy as np


def smoothed_target_encoding(train_codes, train_y, test_codes, smoothing):
    y = np.asarray(train_y, dtype=float)
    g = y.mean()
    everything = np.concatenate([train_codes, test_codes])
    table = {}
    for c in np.unique(train_codes):
        mask = train_codes == c
        n_c = np.sum(everything == c)
        table[c] = (n_c * y[mask].mean() + smoothing * g) / (n_c + smoothing)
    train = np.array([table[c] for c in train_codes])
    test = np.array([table.get(c, g) for c in test_codes], dtype=float)
    return train, test
