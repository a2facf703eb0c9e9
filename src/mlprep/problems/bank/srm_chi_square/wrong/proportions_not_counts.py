"""Compares the observed shares with the planned shares instead of the counts, losing the factor N."""
import math

import numpy as np


def _sf(x, df):
    h = x / 2
    if df % 2 == 0:
        return math.exp(-h) * sum(h**i / math.factorial(i) for i in range(df // 2))
    return math.erfc(math.sqrt(h)) + math.exp(-h) * sum(
        h ** (i + 0.5) / math.gamma(i + 1.5) for i in range((df - 1) // 2)
    )


def srm_chi_square(observed, expected_ratios):
    o = np.asarray(observed, float)
    share = o / o.sum()
    r = np.asarray(expected_ratios, float) / np.sum(expected_ratios)
    chi2 = float(((share - r) ** 2 / r).sum())
    return chi2, min(1.0, _sf(chi2, len(o) - 1))
