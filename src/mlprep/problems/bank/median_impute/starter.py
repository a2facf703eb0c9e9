import numpy as np


def median_impute(X_train, X_test):
    """Replace every NaN, in both arrays, by its column's median over the observed TRAIN values.

    A column with no observed train value is filled with 0.0.
    Returns (train_filled, test_filled), float arrays with the shapes of X_train and X_test.
    """
    train_filled = np.array(X_train, dtype=float)
    test_filled = np.array(X_test, dtype=float)
    # Your code here.
    return train_filled, test_filled
