"""New Elo rating of the winner after one comparison."""


def answer() -> float:
    r_a, r_b, k, base, scale = 1500, 1600, 32, 10, 400  # as stated in the question
    expected = 1 / (1 + base ** ((r_b - r_a) / scale))
    return r_a + k * (1 - expected)
