"""Surplus-maximising first-price bid against the max of uniform competing bids."""


def answer() -> float:
    value, competitors, upper = 10, 2, 10  # as stated in the question
    # maximise (value - b) * (b / upper) ** competitors: the derivative vanishes at n v / (n + 1)
    assert value <= upper
    return competitors * value / (competitors + 1)
