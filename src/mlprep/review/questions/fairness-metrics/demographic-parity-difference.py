"""Absolute gap in approval rates between two groups."""


def answer() -> float:
    approved_a, n_a, approved_b, n_b = 300, 1000, 90, 500  # as stated in the question
    return abs(approved_a / n_a - approved_b / n_b)
