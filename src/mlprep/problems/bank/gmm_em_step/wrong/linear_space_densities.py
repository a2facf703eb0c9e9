"""Computes the densities in linear space, so far-away points underflow to 0/0 = nan."""
import numpy as np


def gmm_em_step(X, weights, means, variances):
    X = np.asarray(X, dtype=float)
    w = np.asarray(weights, dtype=float)
    mu = np.asarray(means, dtype=float)
    var = np.asarray(variances, dtype=float)
    n = len(X)
    sq = ((X[:, None, :] - mu[None, :, :]) ** 2 / var[None, :, :]).sum(axis=2)
    dens = np.exp(-0.5 * sq) / np.sqrt(np.prod(2 * np.pi * var, axis=1))
    joint = w * dens
    resp = joint / joint.sum(axis=1, keepdims=True)
    nk = resp.sum(axis=0)
    new_mu = resp.T @ X / nk[:, None]
    new_var = np.stack([resp[:, j] @ (X - new_mu[j]) ** 2 for j in range(len(w))]) / nk[:, None]
    return nk / n, new_mu, new_var
