"""Averages each sequence's mean log-likelihood first, so short sequences weigh as much as long ones."""
import numpy as np


def perplexity(log_probs, mask):
    m = (np.asarray(mask) != 0).astype(float)
    counts = m.sum(axis=1)
    keep = counts > 0
    per_seq = (np.where(m > 0, log_probs, 0.0).sum(axis=1)[keep]) / counts[keep]
    return float(np.exp(-per_seq.mean()))
