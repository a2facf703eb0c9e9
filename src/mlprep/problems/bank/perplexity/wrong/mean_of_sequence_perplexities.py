"""Averages the perplexities of the individual sequences instead of pooling their tokens."""
import numpy as np


def perplexity(log_probs, mask):
    m = np.asarray(mask) != 0
    ppls = [np.exp(-log_probs[i][m[i]].mean()) for i in range(len(m)) if m[i].any()]
    return float(np.mean(ppls))
