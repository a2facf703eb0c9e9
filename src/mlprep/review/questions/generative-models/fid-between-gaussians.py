"""Frechet distance between two Gaussians with diagonal covariances."""

import math


def answer() -> float:
    mu1, mu2 = (0, 0), (1, 1)  # as stated in the question
    var1, var2 = (1, 4), (1, 1)  # diagonals of Sigma_1 and Sigma_2
    mean_term = sum((a - b) ** 2 for a, b in zip(mu1, mu2, strict=True))
    trace_term = sum(a + b - 2 * math.sqrt(a * b) for a, b in zip(var1, var2, strict=True))
    return mean_term + trace_term
