import numpy as np


def gelu(x):
    """Return (y, dy_dx): the exact GELU x * Phi(x) of every entry of x, and its derivative.

    Phi is the standard normal CDF, (1 + erf(x / sqrt(2))) / 2; math.erf is allowed.
    Both outputs have the shape of x.
    """
    y = np.zeros_like(x, dtype=float)
    dy_dx = np.zeros_like(x, dtype=float)
    # Your code here.
    return y, dy_dx
