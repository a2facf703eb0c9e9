import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    logits = np.asarray(logits, dtype=float)
    targets = np.asarray(targets)
    keep = targets != ignore_index
    z = logits[keep]  # (m, K): the rows that count
    y = targets[keep]
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))  # stable log-softmax
    k = logits.shape[1]
    nll = -log_p[np.arange(len(y)), y]  # the true-class term
    uniform = -log_p.sum(axis=1) / k  # eps/K on every class, the target included
    return float(((1.0 - eps) * nll + eps * uniform).mean())
