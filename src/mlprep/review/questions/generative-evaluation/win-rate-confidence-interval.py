"""Half-width of the normal-approximation 95% interval for a pairwise win rate."""

import math


def answer() -> float:
    wins, n, z = 130, 200, 1.96  # as stated in the question
    p = wins / n
    return z * math.sqrt(p * (1 - p) / n)
