"""Rounds to the nearest integer instead of up, so the design can fall just short of the power."""
import math
from statistics import NormalDist


def sample_size_mde(baseline_rate, mde, alpha=0.05, power=0.8):
    p1, p2 = baseline_rate, baseline_rate + mde
    pb = (p1 + p2) / 2
    za, zb = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    root = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return round(root**2 / mde**2)
