import numpy as np


def top_p_filter(logits, temperature, p):
    """Return the nucleus (top-p) sampling distribution: a float array (V,) summing to 1."""
    probs = np.zeros(len(logits))
    # Your code here.
    return probs
