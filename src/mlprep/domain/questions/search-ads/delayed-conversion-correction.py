"""Eventual conversion rate from the rate observed so far under exponential delays."""

import math


def answer() -> float:
    mean_delay_days, age_days, observed_rate = 3, 1, 0.01  # as stated in the question
    seen_fraction = 1 - math.exp(-age_days / mean_delay_days)
    return observed_rate / seen_fraction
