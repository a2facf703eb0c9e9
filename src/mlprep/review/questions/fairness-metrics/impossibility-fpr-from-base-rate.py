"""False positive rate implied by base rate, precision and true positive rate."""


def answer() -> float:
    p, ppv, tpr = 0.2, 0.8, 0.7  # as stated in the question, for the group with base rate 0.2
    return p / (1 - p) * (1 - ppv) / ppv * tpr
