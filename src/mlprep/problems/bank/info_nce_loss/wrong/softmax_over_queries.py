"""Takes the softmax down each column (over the queries, axis 0) instead of along each row (over the keys)."""
import numpy as np


def info_nce_loss(queries, keys, temperature=0.07):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T / temperature
    m = logits.max(axis=0, keepdims=True)
    log_z = m[0] + np.log(np.exp(logits - m).sum(axis=0))
    return float(np.mean(log_z - np.diag(logits)))
