import numpy as np


def gmm_em_step(X, weights, means, variances):
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    variances = np.asarray(variances, dtype=float)
    n = len(X)
    k = len(weights)

    # E-step in log space: log w_j + log N(x_i | mu_j, diag(var_j)), shape (n, k).
    log_joint = np.empty((n, k))
    for j in range(k):
        z2 = (X - means[j]) ** 2 / variances[j]
        log_pdf = -0.5 * (np.log(2 * np.pi * variances[j]).sum() + z2.sum(axis=1))
        log_joint[:, j] = np.log(weights[j]) + log_pdf
    top = log_joint.max(axis=1, keepdims=True)  # log-sum-exp over the components of each point
    log_evidence = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))
    resp = np.exp(log_joint - log_evidence)  # each row sums to 1

    # M-step.
    nk = resp.sum(axis=0)
    new_weights = nk / n
    new_means = resp.T @ X / nk[:, None]
    new_variances = np.empty_like(new_means)
    for j in range(k):
        new_variances[j] = resp[:, j] @ (X - new_means[j]) ** 2 / nk[j]  # around the NEW mean
    return new_weights, new_means, new_variances
