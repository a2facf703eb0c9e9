"""Forgets the 1/sqrt(d) factor when backpropagating into Q and K (the forward pass uses it)."""
import numpy as np


def attention_backward(Q, K, V, dO, mask=None):
    c = 1.0 / np.sqrt(Q.shape[1])
    S = Q @ K.T * c
    if mask is not None:
        S = np.where(mask != 0, S, -np.inf)
    A = np.exp(S - S.max(axis=1, keepdims=True))
    A /= A.sum(axis=1, keepdims=True)
    dA = dO @ V.T
    dS = A * (dA - (A * dA).sum(axis=1, keepdims=True))
    return dS @ K, dS.T @ Q, A.T @ dO
