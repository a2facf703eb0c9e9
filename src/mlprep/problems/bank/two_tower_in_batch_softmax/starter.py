import numpy as np


def two_tower_in_batch_softmax(Q, C, p, temperature):
    """Return (losses, grad_Q, grad_C) of the in-batch sampled softmax with logQ correction.

    Q, C: (B, d), row b of C is the positive of query b; p: (B,) sampling probabilities.
    Logits Z[b, c] = Q[b] . C[c] / temperature - log(p[c]) for every c (diagonal included);
    losses[b] = -log softmax(Z[b])[b]; gradients are of the mean of losses.
    """
    B = np.shape(Q)[0]
    losses = np.zeros(B)
    grad_Q = np.zeros(np.shape(Q))
    grad_C = np.zeros(np.shape(C))
    # Your code here.
    return losses, grad_Q, grad_C
