"""Uses grad[idx] += ..., which keeps only one update when a user or item occurs in several triples."""
import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    B = len(users)
    u, vi, vj = U[users], V[pos], V[neg]
    x = (u * (vi - vj)).sum(axis=1)
    loss = np.mean(np.logaddexp(0, -x) + lam * ((u**2).sum(1) + (vi**2).sum(1) + (vj**2).sum(1)))
    g = -np.exp(-np.logaddexp(0, x))
    gU, gV = np.zeros_like(U), np.zeros_like(V)
    gU[users] += (g[:, None] * (vi - vj) + 2 * lam * u) / B
    gV[pos] += (g[:, None] * u + 2 * lam * vi) / B
    gV[neg] += (-g[:, None] * u + 2 * lam * vj) / B
    return float(loss), gU, gV
