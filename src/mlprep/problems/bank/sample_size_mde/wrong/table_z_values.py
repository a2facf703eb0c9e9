"""Uses z values rounded as in a printed table (1.96, 0.84, ...) instead of exact quantiles."""
import math

Z_ALPHA = {0.01: 2.58, 0.05: 1.96, 0.1: 1.645}
Z_POWER = {0.5: 0.0, 0.8: 0.84, 0.9: 1.28, 0.95: 1.645, 0.99: 2.33}


def sample_size_mde(baseline_rate, mde, alpha=0.05, power=0.8):
    p1, p2 = baseline_rate, baseline_rate + mde
    pb = (p1 + p2) / 2
    za, zb = Z_ALPHA[alpha], Z_POWER[power]
    root = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(root**2 / mde**2)
