import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    centered = X - X.mean(axis=0)
    covariance = centered.T @ centered / len(X)  # the divisor cancels in the ratio
    variances, vectors = np.linalg.eigh(covariance)  # ascending order, columns are vectors
    order = np.argsort(variances)[::-1]  # largest variance first
    variances = np.clip(variances[order], 0.0, None)  # tiny negative round-off -> 0
    vectors = vectors[:, order]
    components = vectors[:, :n_components].T  # one unit-norm direction per row
    ratio = variances[:n_components] / variances.sum()
    return components, ratio
