"""Differentiates lam * |w|^2 as lam * w, dropping the factor 2."""
import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    B = len(users)
    u, vi, vj = U[users], V[pos], V[neg]
    x = (u * (vi - vj)).sum(axis=1)
    loss = np.mean(np.logaddexp(0, -x) + lam * ((u**2).sum(1) + (vi**2).sum(1) + (vj**2).sum(1)))
    g = -np.exp(-np.logaddexp(0, x))
    gU, gV = np.zeros_like(U), np.zeros_like(V)
    np.add.at(gU, users, (g[:, None] * (vi - vj) + lam * u) / B)
    np.add.at(gV, pos, (g[:, None] * u + lam * vi) / B)
    np.add.at(gV, neg, (-g[:, None] * u + lam * vj) / B)
    return float(loss), gU, gV
