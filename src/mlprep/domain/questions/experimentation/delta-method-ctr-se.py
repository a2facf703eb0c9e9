"""Delta-method standard error of a ratio metric, in percentage points."""

import math


def answer() -> float:
    n, mu_c, var_c, mu_v, var_v, cov_cv = 10_000, 2, 4, 10, 25, 8  # as stated in the question
    r = mu_c / mu_v
    var_r = (var_c - 2 * r * cov_cv + r**2 * var_v) / (n * mu_v**2)
    return math.sqrt(var_r) * 100
