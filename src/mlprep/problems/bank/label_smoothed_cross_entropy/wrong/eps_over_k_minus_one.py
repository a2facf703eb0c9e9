"""Gives the target 1 - eps and spreads eps over the K - 1 other classes only."""
import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    keep = targets != ignore_index
    z = logits[keep] - logits[keep].max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    y = targets[keep]
    k = logits.shape[1]
    q = np.full(log_p.shape, eps / max(k - 1, 1))
    q[np.arange(len(y)), y] = 1.0 - eps
    return float(-(q * log_p).sum(axis=1).mean())
