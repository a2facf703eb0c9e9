"""IPW estimate of click-when-examined probability across two slots."""


def answer() -> float:
    n1, c1, e1, n4, c4, e4 = 600, 60, 1.0, 400, 12, 0.4  # as stated in the question
    return (c1 / e1 + c4 / e4) / (n1 + n4)
