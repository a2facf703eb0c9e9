import numpy as np


def attention_backward(Q, K, V, dO, mask=None):
    """Return (dQ, dK, dV) for O = softmax(Q K^T / sqrt(d)) V, given dO = dL/dO.

    Q: (n_q, d), K: (n_k, d), V: (n_k, d_v), dO: (n_q, d_v); mask: optional 0/1 array
    (n_q, n_k), 0 = blocked. The gradients have the shapes of Q, K and V.
    """
    dQ = np.zeros(Q.shape)
    dK = np.zeros(K.shape)
    dV = np.zeros(V.shape)
    # Your code here.
    return dQ, dK, dV
