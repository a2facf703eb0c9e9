"""Replaces math.erf by the Abramowitz-Stegun 7.1.26 approximation (error 1.5e-7), too coarse in the negative tail."""
import math

import numpy as np


def gelu(x):
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    cdf = 0.5 * (1.0 + erf)
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return x * cdf, cdf + x * pdf
