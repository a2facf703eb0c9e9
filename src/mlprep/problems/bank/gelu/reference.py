import math

import numpy as np

_erfc = np.vectorize(math.erfc, otypes=[float])


def gelu(x):
    x = np.asarray(x, dtype=float)
    cdf = 0.5 * _erfc(
        -x / math.sqrt(2.0)
    )  # Phi(x) = (1 + erf(x / sqrt 2)) / 2, accurate in the tail
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)  # phi(x)
    return x * cdf, cdf + x * pdf
