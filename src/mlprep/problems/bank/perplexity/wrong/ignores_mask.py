"""Ignores the mask and averages over every position, padding included."""
import numpy as np


def perplexity(log_probs, mask):
    return float(np.exp(-np.mean(log_probs)))
