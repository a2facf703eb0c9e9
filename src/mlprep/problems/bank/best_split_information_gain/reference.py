import numpy as np


def _entropy(counts):
    """Entropy in bits of each row of class counts (rows with a zero total are not used)."""
    totals = counts.sum(axis=-1, keepdims=True)
    p = counts / totals
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * np.log2(p), 0.0)  # 0 * log 0 counts as 0
    return -terms.sum(axis=-1)


def best_split_information_gain(X, y):
    X = np.asarray(X, dtype=float)
    _, codes = np.unique(np.asarray(y), return_inverse=True)
    n, d = X.shape
    onehot = np.eye(codes.max() + 1)[codes]  # (n, C) class indicators
    total = onehot.sum(axis=0)
    parent = _entropy(total)

    best_feature, best_threshold, best_gain = -1, 0.0, 0.0
    n_left = np.arange(1, n)  # cutting after sorted position i puts i + 1 rows on the left
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        valid = np.flatnonzero(xs[:-1] < xs[1:])  # cuts between two distinct values only
        if len(valid) == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1][valid]
        right = total - left
        nl = n_left[valid]
        children = nl / n * _entropy(left) + (n - nl) / n * _entropy(right)
        gains = parent - children
        k = int(np.argmax(gains))  # first maximum: the lowest threshold of this feature
        if best_feature == -1 or gains[k] > best_gain:  # strict: an earlier feature keeps a tie
            i = valid[k]
            best_feature, best_threshold, best_gain = j, (xs[i] + xs[i + 1]) / 2.0, gains[k]
    return int(best_feature), float(best_threshold), float(best_gain) + 0.0  # -0.0 becomes 0.0
