"""Uses the sigmoid approximation x * sigmoid(1.702 x) instead of the exact erf form."""
import math

import numpy as np


def gelu(x):
    s = 1.0 / (1.0 + np.exp(-1.702 * x))
    return x * s, s + 1.702 * x * s * (1.0 - s)
