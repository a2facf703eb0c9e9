"""Leaves the mixture weights out of the responsibilities (uses the likelihoods alone)."""
import numpy as np


def gmm_em_step(X, weights, means, variances):
    X = np.asarray(X, dtype=float)
    w = np.asarray(weights, dtype=float)
    mu = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - mu[None, :, :]) ** 2 / var[None, :, :]).sum(axis=2)
    log_joint = -0.5 * (np.log(2 * np.pi * var).sum(axis=1) + sq)
    top = log_joint.max(axis=1, keepdims=True)
    log_norm = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))
    resp = np.exp(log_joint - log_norm)
    nk = resp.sum(axis=0)
    new_mu = resp.T @ X / nk[:, None]
    new_var = np.stack([resp[:, j] @ (X - new_mu[j]) ** 2 for j in range(len(w))]) / nk[:, None]
    return nk / n, new_mu, new_var
