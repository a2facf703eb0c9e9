"""Weights the sum of all log-probabilities by eps instead of eps / K."""
import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    keep = targets != ignore_index
    z = logits[keep] - logits[keep].max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    y = targets[keep]
    loss = -(1 - eps) * log_p[np.arange(len(y)), y] - eps * log_p.sum(axis=1)
    return float(loss.mean())
