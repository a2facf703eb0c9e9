import numpy as np


def standardize_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)  # biased: divides by n
    std[std == 0] = 1.0  # a constant train column is only centred
    return (X_train - mean) / std, (X_test - mean) / std
