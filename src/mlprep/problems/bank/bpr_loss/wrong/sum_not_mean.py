"""Sums the loss and the gradients over the batch instead of averaging them."""
import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    u, vi, vj = U[users], V[pos], V[neg]
    x = (u * (vi - vj)).sum(axis=1)
    loss = np.sum(np.logaddexp(0, -x) + lam * ((u**2).sum(1) + (vi**2).sum(1) + (vj**2).sum(1)))
    g = -np.exp(-np.logaddexp(0, x))
    gU, gV = np.zeros_like(U), np.zeros_like(V)
    np.add.at(gU, users, g[:, None] * (vi - vj) + 2 * lam * u)
    np.add.at(gV, pos, g[:, None] * u + 2 * lam * vi)
    np.add.at(gV, neg, -g[:, None] * u + 2 * lam * vj)
    return float(loss), gU, gV
