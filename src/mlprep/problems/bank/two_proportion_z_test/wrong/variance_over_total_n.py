"""Uses p(1-p)/(n_a + n_b) for the variance of the difference instead of p(1-p)(1/n_a + 1/n_b)."""
import math


def two_proportion_z_test(conversions_a, n_a, conversions_b, n_b):
    pa, pb = conversions_a / n_a, conversions_b / n_b
    p = (conversions_a + conversions_b) / (n_a + n_b)
    se = math.sqrt(p * (1 - p) / (n_a + n_b))
    if se == 0:
        return 0.0, 1.0
    z = (pb - pa) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
