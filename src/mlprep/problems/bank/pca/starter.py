import numpy as np


def pca(X, n_components):
    """Return (components, explained_variance_ratio) of the centred data X.

    components: float array (n_components, d), unit-norm rows, largest variance first.
    explained_variance_ratio: float array (n_components,), each row's share of the total variance.
    """
    d = X.shape[1]
    components = np.zeros((n_components, d))
    explained_variance_ratio = np.zeros(n_components)
    # Your code here.
    return components, explained_variance_ratio
