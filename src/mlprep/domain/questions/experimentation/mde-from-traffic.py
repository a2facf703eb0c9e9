"""Minimum detectable effect in percentage points for a proportion metric."""

import math


def answer() -> float:
    n, p_percent, z_alpha, z_beta = 200_000, 10, 1.96, 0.84  # as stated in the question
    p = p_percent / 100
    mde = (z_alpha + z_beta) * math.sqrt(2 * p * (1 - p) / n)
    return mde * 100
