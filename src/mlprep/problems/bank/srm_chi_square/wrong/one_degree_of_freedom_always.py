"""Computes the p-value with the one-degree-of-freedom formula erfc(sqrt(chi2 / 2)) whatever the number of arms."""
import math

import numpy as np


def srm_chi_square(observed, expected_ratios):
    o = np.asarray(observed, float)
    e = o.sum() * np.asarray(expected_ratios, float) / np.sum(expected_ratios)
    chi2 = float(((o - e) ** 2 / e).sum())
    return chi2, math.erfc(math.sqrt(chi2 / 2))
