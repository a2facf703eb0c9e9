import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=np.float64)
    n = len(X)
    distances = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    _, cluster = np.unique(np.asarray(labels), return_inverse=True)  # ids 0..c-1
    members = cluster[:, None] == np.arange(cluster.max() + 1)  # (n, c) membership
    sums = distances @ members  # total distance from each point to each cluster
    sizes = members.sum(axis=0)
    own_size = sizes[cluster]
    rows = np.arange(n)
    # The distance to itself is 0, so the own-cluster sum already leaves the point out.
    a = sums[rows, cluster] / np.maximum(own_size - 1, 1)
    means = sums / sizes
    means[rows, cluster] = np.inf  # b looks at the other clusters only
    b = means.min(axis=1)
    denominator = np.maximum(a, b)
    s = np.zeros(n)
    ok = (own_size > 1) & (denominator > 0)  # singletons and a = b = 0 score 0
    s[ok] = (b[ok] - a[ok]) / denominator[ok]
    return float(s.mean())
