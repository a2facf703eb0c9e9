"""Normalises over the queries (axis 0, each candidate's column) instead of over the candidates of each row."""
import numpy as np


def two_tower_in_batch_softmax(Q, C, p, temperature):
    B = Q.shape[0]
    Z = Q @ C.T / temperature - np.log(p)[None, :]
    s = Z - Z.max(axis=0, keepdims=True)
    log_norm = np.log(np.exp(s).sum(axis=0))
    probs = np.exp(s - log_norm[None, :])
    dZ = (probs - np.eye(B)) / B
    return log_norm - np.diag(s), dZ @ C / temperature, dZ.T @ Q / temperature
