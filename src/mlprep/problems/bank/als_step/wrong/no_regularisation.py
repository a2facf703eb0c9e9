"""Forgets lam and solves plain least squares per user (minimum-norm via lstsq when underdetermined)."""
import numpy as np


def als_step(R, mask, V, lam):
    V = np.asarray(V, float)
    U = np.zeros((R.shape[0], V.shape[1]))
    for u in range(R.shape[0]):
        items = np.asarray(mask[u]) != 0
        if items.any():
            U[u] = np.linalg.lstsq(V[items], R[u, items], rcond=None)[0]
    return U
