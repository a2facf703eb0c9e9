import math


def two_proportion_z_test(conversions_a, n_a, conversions_b, n_b):
    p_a = conversions_a / n_a
    p_b = conversions_b / n_b
    # Under H0 both arms share one rate: estimate it from the pooled counts.
    pooled = (conversions_a + conversions_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:  # every user converted, or none did: no evidence of a difference
        return 0.0, 1.0
    z = (p_b - p_a) / se  # treatment minus control
    p_value = math.erfc(abs(z) / math.sqrt(2))  # = 2 * (1 - Phi(|z|)), without cancellation
    return z, p_value
