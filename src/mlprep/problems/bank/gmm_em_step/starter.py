import numpy as np


def gmm_em_step(X, weights, means, variances):
    """Run one EM iteration for a Gaussian mixture with diagonal covariances.

    X: (n, d) data; weights: (k,); means: (k, d); variances: (k, d), the diagonal of each
    covariance. Return (new_weights, new_means, new_variances) with the same shapes.
    """
    new_weights = np.array(weights, dtype=float)
    new_means = np.array(means, dtype=float)
    new_variances = np.array(variances, dtype=float)
    # Your code here.
    return new_weights, new_means, new_variances
