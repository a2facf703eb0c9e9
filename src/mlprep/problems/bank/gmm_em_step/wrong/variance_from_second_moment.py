"""Takes the variances as E[x^2] - mean^2, which cancels catastrophically for large offsets."""
import numpy as np


def gmm_em_step(X, weights, means, variances):
    X = np.asarray(X, dtype=float)
    w = np.asarray(weights, dtype=float)
    mu = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - mu[None, :, :]) ** 2 / var[None, :, :]).sum(axis=2)
    log_joint = np.log(w) - 0.5 * (np.log(2 * np.pi * var).sum(axis=1) + sq)
    top = log_joint.max(axis=1, keepdims=True)
    log_norm = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))
    resp = np.exp(log_joint - log_norm)
    nk = resp.sum(axis=0)
    new_mu = resp.T @ X / nk[:, None]
    new_var = resp.T @ X**2 / nk[:, None] - new_mu**2
    return nk / n, new_mu, new_var
