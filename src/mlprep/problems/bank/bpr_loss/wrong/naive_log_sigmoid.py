"""Computes -log(sigmoid(x)) literally: sigmoid underflows to 0 for very negative margins and the loss becomes inf."""
import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    B = len(users)
    u, vi, vj = U[users], V[pos], V[neg]
    x = (u * (vi - vj)).sum(axis=1)
    with np.errstate(over="ignore", divide="ignore"):
        s = 1.0 / (1.0 + np.exp(-x))
        loss = np.mean(-np.log(s) + lam * ((u**2).sum(1) + (vi**2).sum(1) + (vj**2).sum(1)))
    g = -(1.0 - s)
    gU, gV = np.zeros_like(U), np.zeros_like(V)
    np.add.at(gU, users, (g[:, None] * (vi - vj) + 2 * lam * u) / B)
    np.add.at(gV, pos, (g[:, None] * u + 2 * lam * vi) / B)
    np.add.at(gV, neg, (-g[:, None] * u + 2 * lam * vj) / B)
    return float(loss), gU, gV
