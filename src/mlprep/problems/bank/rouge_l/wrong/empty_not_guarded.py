"""Computes the ratios without guarding empty lists, so an empty side gives NaN instead of 0."""
import numpy as np


def _lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(candidate, reference, beta=1.0):
    lcs = _lcs(candidate, reference)
    with np.errstate(all="ignore"):
        p = np.float64(lcs) / len(candidate)
        r = np.float64(lcs) / len(reference)
        f = (1 + beta**2) * p * r / (r + beta**2 * p) if lcs else np.float64(0.0)
    return float(p), float(r), float(f)
