"""Elo / Bradley-Terry predicted win probability from two ratings."""


def answer() -> float:
    r_a, r_b, scale, base = 1200, 1000, 400, 10  # as stated in the question
    return 1 / (1 + base ** ((r_b - r_a) / scale))
