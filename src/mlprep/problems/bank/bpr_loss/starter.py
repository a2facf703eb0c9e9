import numpy as np


def bpr_loss(U, V, users, pos, neg, lam):
    """Return (loss, grad_U, grad_V) of the mean BPR loss over the batch of triples.

    loss = mean_b [ -log sigmoid(U[u].V[i] - U[u].V[j]) + lam * (|U[u]|^2 + |V[i]|^2 + |V[j]|^2) ]
    with (u, i, j) = (users[b], pos[b], neg[b]); the gradients have the shapes of U and V.
    """
    loss = 0.0
    grad_U = np.zeros(np.shape(U))
    grad_V = np.zeros(np.shape(V))
    # Your code here.
    return loss, grad_U, grad_V
