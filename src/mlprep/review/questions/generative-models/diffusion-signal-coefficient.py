"""Signal coefficient sqrt(alpha_bar_t) of the diffusion forward process with constant beta."""

import math


def answer() -> float:
    beta, t = 0.02, 50  # as stated in the question
    return math.sqrt((1 - beta) ** t)
