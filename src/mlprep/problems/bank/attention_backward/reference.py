import numpy as np


def attention_backward(Q, K, V, dO, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    dO = np.asarray(dO, dtype=float)
    scale = 1.0 / np.sqrt(Q.shape[1])
    # Recompute the forward pass: scores, masked stable softmax.
    S = Q @ K.T * scale
    if mask is not None:
        S = np.where(np.asarray(mask) != 0, S, -np.inf)
    S = S - S.max(axis=1, keepdims=True)
    A = np.exp(S)
    A /= A.sum(axis=1, keepdims=True)
    # O = A V.
    dV = A.T @ dO  # (n_k, d_v)
    dA = dO @ V.T  # (n_q, n_k)
    # Softmax of each row: dS_ij = A_ij (dA_ij - sum_k A_ik dA_ik). Blocked keys have A = 0.
    dS = A * (dA - (A * dA).sum(axis=1, keepdims=True))
    # S = Q K^T * scale.
    dQ = dS @ K * scale
    dK = dS.T @ Q * scale
    return dQ, dK, dV
