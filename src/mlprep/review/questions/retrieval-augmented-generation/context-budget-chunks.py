"""Number of whole retrieved chunks that fit in the remaining context budget."""

import math


def answer() -> float:
    window, system, question, reserve, chunk = 8192, 600, 100, 1000, 350  # as stated
    return math.floor((window - system - question - reserve) / chunk)
