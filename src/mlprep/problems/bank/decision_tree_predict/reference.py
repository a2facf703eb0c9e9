import numpy as np


def _gini(counts):
    return 1.0 - ((counts / counts.sum()) ** 2).sum()


def _best_split(X, onehot):
    """(feature, threshold, impurity) of the best split of these rows, or None if none exists."""
    n, d = X.shape
    total = onehot.sum(axis=0)
    n_left = np.arange(1, n)
    n_right = n - n_left
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        valid = xs[:-1] < xs[1:]  # cut only between two distinct values
        if not valid.any():
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1]
        right = total - left
        gini_left = 1.0 - ((left / n_left[:, None]) ** 2).sum(axis=1)
        gini_right = 1.0 - ((right / n_right[:, None]) ** 2).sum(axis=1)
        impurity = n_left / n * gini_left + n_right / n * gini_right
        candidates = np.flatnonzero(valid)
        i = candidates[np.argmin(impurity[candidates])]  # first minimum: lowest threshold
        if best is None or impurity[i] < best[2]:  # strict: the lower feature keeps a tie
            best = (j, (xs[i] + xs[i + 1]) / 2.0, impurity[i])
    return best


def _grow(X, onehot, depth, max_depth):
    counts = onehot.sum(axis=0)
    leaf = ("leaf", int(np.argmax(counts)))  # first maximum: the smallest label
    if depth >= max_depth:
        return leaf
    split = _best_split(X, onehot)
    if split is None or not split[2] < _gini(counts):  # no split, or no gain (pure included)
        return leaf
    j, t, _ = split
    go_left = X[:, j] <= t
    return (
        "split",
        j,
        t,
        _grow(X[go_left], onehot[go_left], depth + 1, max_depth),
        _grow(X[~go_left], onehot[~go_left], depth + 1, max_depth),
    )


def _predict(node, X, rows, out):
    if node[0] == "leaf":
        out[rows] = node[1]
        return
    _, j, t, left, right = node
    go_left = X[rows, j] <= t
    _predict(left, X, rows[go_left], out)
    _predict(right, X, rows[~go_left], out)


def decision_tree_predict(X_train, y_train, X_test, max_depth):
    X = np.asarray(X_train, dtype=float)
    T = np.asarray(X_test, dtype=float)
    labels, codes = np.unique(np.asarray(y_train), return_inverse=True)  # sorted labels
    onehot = np.eye(len(labels))[codes]
    tree = _grow(X, onehot, 0, max_depth)
    out = np.empty(len(T), dtype=np.int64)
    _predict(tree, T, np.arange(len(T)), out)
    return labels[out].astype(np.int64)
