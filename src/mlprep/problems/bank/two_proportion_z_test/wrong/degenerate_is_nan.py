"""Divides by a zero standard error when nobody (or everybody) converted, returning NaN."""
import math


def two_proportion_z_test(conversions_a, n_a, conversions_b, n_b):
    pa, pb = conversions_a / n_a, conversions_b / n_b
    p = (conversions_a + conversions_b) / (n_a + n_b)
    se = math.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    z = (pb - pa) / se if se > 0 else math.nan
    return z, math.erfc(abs(z) / math.sqrt(2))
