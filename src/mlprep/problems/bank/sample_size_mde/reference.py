import math
from statistics import NormalDist


def sample_size_mde(baseline_rate, mde, alpha=0.05, power=0.8):
    p1 = baseline_rate
    p2 = baseline_rate + mde  # the MDE is absolute: percentage points, not a relative lift
    p_bar = (p1 + p2) / 2
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)  # two-sided test
    z_beta = NormalDist().inv_cdf(power)
    # Null spread from the common rate p_bar, alternative spread from the two true rates.
    root = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return math.ceil(root**2 / mde**2)
