"""Builds the vocabulary from train and test together (leakage): unseen test codes get columns."""
import numpy as np


def one_hot_encode(train_codes, test_codes):
    vocab = np.unique(np.concatenate([train_codes, test_codes]))
    return (
        (train_codes[:, None] == vocab[None, :]).astype(float),
        (test_codes[:, None] == vocab[None, :]).astype(float),
    )
