"""Uses k degrees of freedom for k arms instead of k - 1."""
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
    e = o.sum() * np.asarray(expected_ratios, float) / np.sum(expected_ratios)
    chi2 = float(((o - e) ** 2 / e).sum())
    return chi2, _sf(chi2, len(o))
