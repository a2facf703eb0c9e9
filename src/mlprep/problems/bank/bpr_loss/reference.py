import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    U = np.asarray(U, dtype=float)
    V = np.asarray(V, dtype=float)
    users, pos, neg = np.asarray(users), np.asarray(pos), np.asarray(neg)
    B = len(users)
    u, vi, vj = U[users], V[pos], V[neg]  # (B, f) each
    x = np.einsum("bf,bf->b", u, vi - vj)  # margin: positive score minus negative score
    data = np.logaddexp(0.0, -x)  # -log sigmoid(x), stable for any sign and size
    reg = lam * ((u**2).sum(axis=1) + (vi**2).sum(axis=1) + (vj**2).sum(axis=1))
    loss = float((data + reg).mean())

    g = -np.exp(-np.logaddexp(0.0, x))  # d(-log sigmoid(x))/dx = -sigmoid(-x), stable
    grad_U = np.zeros_like(U)
    grad_V = np.zeros_like(V)
    # np.add.at accumulates repeated rows; grad[idx] += ... would keep only one update per row.
    np.add.at(grad_U, users, (g[:, None] * (vi - vj) + 2 * lam * u) / B)
    np.add.at(grad_V, pos, (g[:, None] * u + 2 * lam * vi) / B)
    np.add.at(grad_V, neg, (-g[:, None] * u + 2 * lam * vj) / B)
    return loss, grad_U, grad_V
