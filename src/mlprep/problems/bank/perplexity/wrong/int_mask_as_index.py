"""Indexes with the 0/1 integer mask as if it were boolean, which selects rows 0 and 1 instead."""
import numpy as np


def perplexity(log_probs, mask):
    return float(np.exp(-np.mean(log_probs[mask])))
