"""Takes erf(x) instead of erf(x / sqrt(2)), i.e. the wrong standard deviation."""
import math

import numpy as np


def gelu(x):
    erf = np.vectorize(math.erf)
    cdf = 0.5 * (1.0 + erf(x))
    pdf = np.exp(-x * x) / math.sqrt(math.pi)
    return x * cdf, cdf + x * pdf
