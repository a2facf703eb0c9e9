"""Skips rows with a negative target instead of rows equal to ignore_index."""
import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    keep = targets >= 0
    z = logits[keep] - logits[keep].max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    y = targets[keep]
    k = logits.shape[1]
    loss = -(1 - eps) * log_p[np.arange(len(y)), y] - eps / k * log_p.sum(axis=1)
    return float(loss.mean())
