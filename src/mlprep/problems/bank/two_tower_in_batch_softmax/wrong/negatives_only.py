"""Corrects only the off-diagonal (negative) logits and leaves the positive uncorrected."""
import numpy as np


def two_tower_in_batch_softmax(Q, C, p, temperature):
    B = Q.shape[0]
    Z = Q @ C.T / temperature - np.log(p)[None, :] * (1 - np.eye(B))
    return _finish(Z, Q, C, temperature)

def _finish(Z, Q, C, temperature):
    B = Z.shape[0]
    s = Z - Z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(s).sum(axis=1))
    probs = np.exp(s - log_norm[:, None])
    dZ = (probs - np.eye(B)) / B
    return log_norm - np.diag(s), dZ @ C / temperature, dZ.T @ Q / temperature

