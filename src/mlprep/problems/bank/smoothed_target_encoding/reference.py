import numpy as np


def smoothed_target_encoding(train_codes, train_y, test_codes, smoothing):
    train_codes = np.asarray(train_codes, dtype=np.int64)
    test_codes = np.asarray(test_codes, dtype=np.int64)
    train_y = np.asarray(train_y, dtype=float)
    global_mean = train_y.mean()

    # One slot per category seen in train; inverse[i] is the slot of training row i.
    categories, inverse, counts = np.unique(train_codes, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=train_y, minlength=len(categories))  # n_c * mean_c
    encoding = (sums + smoothing * global_mean) / (counts + smoothing)

    train_encoded = encoding[inverse]

    # Look the test codes up among the sorted train categories; misses get the global mean.
    slot = np.searchsorted(categories, test_codes)
    slot = np.minimum(slot, len(categories) - 1)
    seen = categories[slot] == test_codes
    test_encoded = np.where(seen, encoding[slot], global_mean)
    return train_encoded, test_encoded
