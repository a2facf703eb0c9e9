"""Uses the unpooled (Wald) standard error sqrt(pa(1-pa)/na + pb(1-pb)/nb) instead of the pooled one."""
import math


def two_proportion_z_test(conversions_a, n_a, conversions_b, n_b):
    pa, pb = conversions_a / n_a, conversions_b / n_b
    se = math.sqrt(pa * (1 - pa) / n_a + pb * (1 - pb) / n_b)
    if se == 0:
        return 0.0, 1.0
    z = (pb - pa) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
