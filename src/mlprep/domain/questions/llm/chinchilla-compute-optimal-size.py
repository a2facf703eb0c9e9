"""Compute-optimal parameter count from C = 6ND with D = 20N, in billions."""

import math


def answer() -> float:
    compute, tokens_per_param = 1.2e24, 20  # as stated in the question
    n_params = math.sqrt(compute / (6 * tokens_per_param))
    return n_params / 1e9
