import numpy as np


def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    X = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train).astype(np.int64)
    T = np.asarray(X_test, dtype=float)
    classes = np.unique(y)  # sorted, so argmax's first maximum is the smallest label
    # One smoothing term for every variance: a fraction of the widest feature's spread.
    epsilon = var_smoothing * X.var(axis=0).max()
    scores = np.empty((len(T), len(classes)))
    for j, c in enumerate(classes):
        members = X[y == c]
        mean = members.mean(axis=0)
        var = members.var(axis=0) + epsilon  # biased: divides by n_c
        log_prior = np.log(len(members) / len(X))
        log_norm = -0.5 * np.log(2.0 * np.pi * var).sum()
        scores[:, j] = log_prior + log_norm - 0.5 * (((T - mean) ** 2) / var).sum(axis=1)
    return classes[np.argmax(scores, axis=1)]
