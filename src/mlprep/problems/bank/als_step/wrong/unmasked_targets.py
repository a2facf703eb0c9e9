"""Restricts the Gram matrix to the rated items but takes the right-hand side from the whole row of R."""
import numpy as np


def als_step(R, mask, V, lam):
    V = np.asarray(V, float)
    U = np.zeros((R.shape[0], V.shape[1]))
    for u in range(R.shape[0]):
        Vo = V[np.asarray(mask[u]) != 0]
        A = Vo.T @ Vo + lam * np.eye(V.shape[1])
        U[u] = np.linalg.solve(A, V.T @ R[u])
    return U
