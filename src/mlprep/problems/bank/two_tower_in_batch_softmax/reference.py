import numpy as np


def two_tower_in_batch_softmax(Q, C, p, temperature):
    Q = np.asarray(Q, dtype=float)
    C = np.asarray(C, dtype=float)
    B = Q.shape[0]
    # Row b: query b against every candidate of the batch. The logQ correction subtracts
    # log p[c] from column c, the diagonal (the positive) included, after the temperature.
    Z = Q @ C.T / temperature - np.log(np.asarray(p, dtype=float))[None, :]
    shifted = Z - Z.max(axis=1, keepdims=True)  # stable: the row maximum becomes 0
    log_norm = np.log(np.exp(shifted).sum(axis=1))  # logsumexp(Z) - max
    losses = log_norm - np.diag(shifted)  # -log softmax(Z)[b, b]
    probs = np.exp(shifted - log_norm[:, None])  # softmax over the candidates of each row
    dZ = (probs - np.eye(B)) / B  # gradient of the mean loss with respect to Z
    grad_Q = dZ @ C / temperature
    grad_C = dZ.T @ Q / temperature
    return losses, grad_Q, grad_C
