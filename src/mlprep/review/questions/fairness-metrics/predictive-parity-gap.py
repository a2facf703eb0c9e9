"""Absolute difference in precision (PPV) between two groups."""


def answer() -> float:
    flagged_a, fraud_a, flagged_b, fraud_b = 160, 120, 50, 30  # as stated in the question
    return abs(fraud_a / flagged_a - fraud_b / flagged_b)
