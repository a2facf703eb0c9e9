"""Gap between two items' logQ-corrected logits, s - ln q."""

import math


def answer() -> float:
    q_a, q_b, s_a, s_b = 0.01, 0.0001, 3.0, 2.0  # as stated in the question
    return (s_b - math.log(q_b)) - (s_a - math.log(q_a))
