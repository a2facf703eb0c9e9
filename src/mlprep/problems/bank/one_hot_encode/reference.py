import numpy as np


def _encode(codes, vocabulary):
    out = np.zeros((len(codes), len(vocabulary)), dtype=float)
    pos = np.searchsorted(vocabulary, codes)  # where each code would sit in the sorted vocabulary
    pos_clipped = np.minimum(pos, len(vocabulary) - 1)
    known = vocabulary[pos_clipped] == codes  # False for codes never seen in train
    out[np.flatnonzero(known), pos_clipped[known]] = 1.0
    return out


def one_hot_encode(train_codes, test_codes):
    train_codes = np.asarray(train_codes)
    test_codes = np.asarray(test_codes)
    vocabulary = np.unique(train_codes)  # sorted distinct train codes only
    return _encode(train_codes, vocabulary), _encode(test_codes, vocabulary)
