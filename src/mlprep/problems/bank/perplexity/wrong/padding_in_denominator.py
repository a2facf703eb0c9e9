"""Zeroes the padding in the sum but divides by the number of positions B * T."""
import numpy as np


def perplexity(log_probs, mask):
    total = np.sum(log_probs * mask)
    return float(np.exp(-total / mask.size))
