import numpy as np


def perplexity(log_probs, mask):
    log_probs = np.asarray(log_probs, dtype=float)
    real = np.asarray(mask) != 0  # a boolean mask: padding values are never touched
    nll = -log_probs[real].sum() / real.sum()  # mean negative log-likelihood per real token
    return float(np.exp(nll))
