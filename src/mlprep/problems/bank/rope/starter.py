import numpy as np


def rope(x, base=10000.0):
    """Return x (n, d) with rotary position embeddings applied: a float array (n, d)."""
    y = np.array(x, dtype=float)
    # Your code here.
    return y
