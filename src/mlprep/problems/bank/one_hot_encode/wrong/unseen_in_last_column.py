"""Sends unseen test codes to the last column, a dictionary lookup with a default of -1."""
import numpy as np


def one_hot_encode(train_codes, test_codes):
    vocab = np.unique(train_codes)
    index = {int(c): i for i, c in enumerate(vocab)}
    eye = np.eye(len(vocab))
    return (
        eye[[index[int(c)] for c in train_codes]],
        eye[[index.get(int(c), -1) for c in test_codes]],
    )
