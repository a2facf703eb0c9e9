"""Kish effective sample size of importance weights."""


def answer() -> float:
    weights = [0.5, 0.5, 1, 1, 4, 8]  # as stated in the question
    return sum(weights) ** 2 / sum(w * w for w in weights)
