import math

import numpy as np


def _chi2_survival(x, df):
    """P(X > x) for X ~ chi-square with df degrees of freedom, df a positive integer."""
    half = x / 2
    if df % 2 == 0:
        # Q = e^(-x/2) * sum_{i < df/2} (x/2)^i / i!
        term, total = 1.0, 1.0
        for i in range(1, df // 2):
            term *= half / i
            total += term
        return math.exp(-half) * total
    # Q = erfc(sqrt(x/2)) + e^(-x/2) * sum_{i < (df-1)/2} (x/2)^(i + 1/2) / Gamma(i + 3/2)
    total = math.erfc(math.sqrt(half))
    term = math.sqrt(half) / math.gamma(1.5)
    for i in range((df - 1) // 2):
        total += math.exp(-half) * term
        term *= half / (i + 1.5)
    return total


def srm_chi_square(observed, expected_ratios):
    observed = np.asarray(observed, dtype=float)
    ratios = np.asarray(expected_ratios, dtype=float)
    expected = observed.sum() * ratios / ratios.sum()  # the ratios are weights: normalise them
    chi2 = float(((observed - expected) ** 2 / expected).sum())
    return chi2, min(1.0, _chi2_survival(chi2, len(observed) - 1))
