"""Zeroes the loss of ignored rows but still divides by the total number of rows N."""
import numpy as np


def label_smoothed_cross_entropy(logits, targets, eps, ignore_index=-100):
    keep = targets != ignore_index
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    y = np.where(keep, targets, 0)
    k = logits.shape[1]
    loss = -(1 - eps) * log_p[np.arange(len(y)), y] - eps / k * log_p.sum(axis=1)
    return float(np.where(keep, loss, 0.0).sum() / len(targets))
