"""Takes the difference as A minus B, so the sign of z is flipped."""
import math


def two_proportion_z_test(conversions_a, n_a, conversions_b, n_b):
    pa, pb = conversions_a / n_a, conversions_b / n_b
    p = (conversions_a + conversions_b) / (n_a + n_b)
    se = math.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    if se == 0:
        return 0.0, 1.0
    z = (pa - pb) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
