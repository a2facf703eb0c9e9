"""Stops only once depth exceeds max_depth, so the tree grows one level deeper than allowed."""
import numpy as np


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / len(labels)
    return 1.0 - np.sum(p ** 2)


def _majority(labels):
    values, counts = np.unique(labels, return_counts=True)
    return int(values[np.argmax(counts)])


def _build(X, y, depth, max_depth):
    if depth > max_depth or len(np.unique(y)) == 1:
        return _majority(y)
    parent = _gini(y)
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for a, b in zip(values[:-1], values[1:]):
            t = (a + b) / 2
            mask = X[:, j] <= t
            imp = mask.mean() * _gini(y[mask]) + (~mask).mean() * _gini(y[~mask])
            if best is None or imp < best[2]:
                best = (j, t, imp)
    if best is None or best[2] >= parent:
        return _majority(y)
    j, t, _ = best
    mask = X[:, j] <= t
    return (j, t, _build(X[mask], y[mask], depth + 1, max_depth),
            _build(X[~mask], y[~mask], depth + 1, max_depth))


def _walk(node, x):
    while isinstance(node, tuple):
        j, t, left, right = node
        node = left if x[j] <= t else right
    return node


def decision_tree_predict(X_train, y_train, X_test, max_depth):
    X = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train).astype(np.int64)
    tree = _build(X, y, 0, max_depth)
    return np.array([_walk(tree, x) for x in np.asarray(X_test, dtype=float)], dtype=np.int64)
