"""Sums the per-sample losses instead of averaging them."""
import numpy as np


def _log_probs(z):
    s = z - z.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


def softmax_cross_entropy(logits, labels):
    n = logits.shape[0]
    lp = _log_probs(logits)
    loss = -lp[np.arange(n), labels].sum()
    grad = np.exp(lp)
    grad[np.arange(n), labels] -= 1.0
    return float(loss), grad / n
