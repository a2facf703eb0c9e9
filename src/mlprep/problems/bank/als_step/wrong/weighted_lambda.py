"""Scales the regularisation by the user's number of ratings (lam * n_u * I), another ALS variant."""
import numpy as np


def als_step(R, mask, V, lam):
    V = np.asarray(V, float)
    U = np.zeros((R.shape[0], V.shape[1]))
    for u in range(R.shape[0]):
        items = np.asarray(mask[u]) != 0
        Vo = V[items]
        A = Vo.T @ Vo + lam * items.sum() * np.eye(V.shape[1])
        U[u] = np.linalg.solve(A, Vo.T @ R[u, items])
    return U
