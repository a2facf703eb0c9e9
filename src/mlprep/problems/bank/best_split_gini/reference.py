import numpy as np


def best_split_gini(X, y):
    X = np.asarray(X, dtype=float)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1)[codes]  # (n, C) class indicators
    total = onehot.sum(axis=0)
    parent = 1.0 - ((total / n) ** 2).sum()

    best_feature, best_threshold, best_impurity = -1, 0.0, parent
    found = False
    n_left = np.arange(1, n)  # splitting after sorted position i puts i + 1 rows on the left
    n_right = n - n_left
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        left = np.cumsum(onehot[order], axis=0)[:-1]  # class counts of the first i + 1 rows
        right = total - left
        gini_left = 1.0 - ((left / n_left[:, None]) ** 2).sum(axis=1)
        gini_right = 1.0 - ((right / n_right[:, None]) ** 2).sum(axis=1)
        impurity = n_left / n * gini_left + n_right / n * gini_right
        valid = xs[:-1] < xs[1:]  # only between two distinct values
        if not valid.any():
            continue
        candidates = np.flatnonzero(valid)
        i = candidates[np.argmin(impurity[candidates])]  # first minimum: the lowest threshold
        if not found or impurity[i] < best_impurity:  # strict: an earlier feature keeps a tie
            found = True
            best_feature = j
            best_threshold = (xs[i] + xs[i + 1]) / 2.0
            best_impurity = impurity[i]
    return int(best_feature), float(best_threshold), float(best_impurity)
