def info_nce_loss(queries, keys, temperature=0.07):
    """Return the InfoNCE loss (a float): key i is the positive of query i, the others negatives.

    queries, keys: float arrays (n, d) with no zero rows; normalise every row to unit length first.
    """
    loss = 0.0
    # Your code here (NumPy is available: import numpy as np).
    return loss
