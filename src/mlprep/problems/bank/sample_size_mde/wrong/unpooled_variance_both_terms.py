"""Uses (z_alpha + z_beta)^2 (p1 q1 + p2 q2) / mde^2: the alternative's variance for the null term too."""
import math
from statistics import NormalDist


def sample_size_mde(baseline_rate, mde, alpha=0.05, power=0.8):
    p1, p2 = baseline_rate, baseline_rate + mde
    z = NormalDist().inv_cdf(1 - alpha / 2) + NormalDist().inv_cdf(power)
    return math.ceil(z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / mde**2)
