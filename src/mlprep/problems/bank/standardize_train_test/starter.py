import numpy as np


def standardize_train_test(X_train, X_test):
    """Scale both arrays with the per-column mean and (biased) std of X_train.

    Returns (train_scaled, test_scaled), float arrays with the shapes of X_train and X_test.
    A column whose train std is zero is only centred (divided by 1).
    """
    train_scaled = np.zeros(np.shape(X_train), dtype=float)
    test_scaled = np.zeros(np.shape(X_test), dtype=float)
    # Your code here.
    return train_scaled, test_scaled
