import numpy as np


def info_nce_loss(queries, keys, temperature=0.07):
    q = np.asarray(queries, dtype=float)
    k = np.asarray(keys, dtype=float)
    q = q / np.linalg.norm(q, axis=1, keepdims=True)  # unit rows: logits are cosines / T
    k = k / np.linalg.norm(k, axis=1, keepdims=True)
    logits = q @ k.T / temperature  # (n, n); row i: query i against every key
    m = logits.max(axis=1, keepdims=True)
    log_z = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))  # stable log-sum-exp per row
    return float(np.mean(log_z - np.diag(logits)))  # -log softmax(logits[i])[i], averaged
