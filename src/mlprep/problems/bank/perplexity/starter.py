import numpy as np


def perplexity(log_probs, mask):
    """Return the token-weighted perplexity (a float) of a padded batch.

    log_probs: (B, T) natural-log probabilities of the target tokens; mask: (B, T) 0/1, 1 = real.
    """
    # Your code here.
    return float(np.nan)
