import numpy as np


def als_step(R, mask, V, lam):
    R = np.asarray(R, dtype=float)
    observed = np.asarray(mask) != 0
    V = np.asarray(V, dtype=float)
    n_users, f = R.shape[0], V.shape[1]
    U = np.zeros((n_users, f))
    for u in range(n_users):
        items = observed[u]  # only the ratings this user gave
        V_o = V[items]  # (n_u, f)
        A = V_o.T @ V_o + lam * np.eye(f)  # lam * I, not scaled by the number of ratings
        b = V_o.T @ R[u, items]
        U[u] = np.linalg.solve(A, b)  # n_u = 0: A = lam * I, b = 0, so U[u] = 0
    return U
