"""Standard deviation of the cosine between two random directions in d dimensions."""

import math


def answer() -> float:
    d = 768  # as stated in the question
    return 1 / math.sqrt(d)
