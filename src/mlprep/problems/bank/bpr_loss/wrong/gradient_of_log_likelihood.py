"""Returns the gradient of log sigmoid(x) (the likelihood to maximise) for the data term, i.e. the wrong sign."""
import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    B = len(users)
    u, vi, vj = U[users], V[pos], V[neg]
    x = (u * (vi - vj)).sum(axis=1)
    loss = np.mean(np.logaddexp(0, -x) + lam * ((u**2).sum(1) + (vi**2).sum(1) + (vj**2).sum(1)))
    g = np.exp(-np.logaddexp(0, x))
    gU, gV = np.zeros_like(U), np.zeros_like(V)
    np.add.at(gU, users, (g[:, None] * (vi - vj) + 2 * lam * u) / B)
    np.add.at(gV, pos, (g[:, None] * u + 2 * lam * vi) / B)
    np.add.at(gV, neg, (-g[:, None] * u + 2 * lam * vj) / B)
    return float(loss), gU, gV
