import numpy as np


def als_step(R, mask, V, lam):
    """Return U (n_users, f): every user's factors given the item factors V (n_items, f).

    Minimises sum over observed (u, i) of (R[u, i] - U[u] . V[i])**2 + lam * sum_u |U[u]|**2;
    mask[u, i] = 1 marks an observed rating, values of R where mask = 0 are to be ignored.
    """
    U = np.zeros((np.shape(R)[0], np.shape(V)[1]))
    # Your code here.
    return U
