"""Orders the columns by first appearance in train instead of by increasing code."""
import numpy as np


def one_hot_encode(train_codes, test_codes):
    vocab = list(dict.fromkeys(train_codes.tolist()))
    vocab = np.array(vocab)
    return (
        (train_codes[:, None] == vocab[None, :]).astype(float),
        (test_codes[:, None] == vocab[None, :]).astype(float),
    )
