"""Takes -log(softmax + 1e-12) "to avoid log(0)": capped near 27.6 when the positive's probability is tiny."""
import numpy as np


def info_nce_loss(queries, keys, temperature=0.07):
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T / temperature
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(np.mean(-np.log(np.diag(p) + 1e-12)))
