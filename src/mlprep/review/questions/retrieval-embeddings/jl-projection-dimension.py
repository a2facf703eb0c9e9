"""Johnson-Lindenstrauss minimum target dimension for n points and distortion eps."""

import math


def answer() -> float:
    n, eps = 1_000_000, 0.1  # as stated in the question
    return math.ceil(4 * math.log(n) / (eps**2 / 2 - eps**3 / 3))
