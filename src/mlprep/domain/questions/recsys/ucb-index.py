"""UCB1 index of the less-shown arm."""

import math


def answer() -> float:
    t, n_b, ctr_b = 10000, 200, 0.05  # as stated in the question
    return ctr_b + math.sqrt(2 * math.log(t) / n_b)
