"""Disparate impact ratio: lower selection rate over higher."""


def answer() -> float:
    rate_a, rate_b = 30 / 100, 18 / 100  # as stated, in per cent
    return min(rate_a, rate_b) / max(rate_a, rate_b)
