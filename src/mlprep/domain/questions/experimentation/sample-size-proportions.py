"""Per-arm sample size for a two-proportion test, in thousands."""


def answer() -> float:
    p1_percent, p2_percent, z_alpha, z_beta = 5.0, 5.5, 1.96, 0.84  # as stated in the question
    p1, p2 = p1_percent / 100, p2_percent / 100
    n = (z_alpha + z_beta) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2
    return n / 1000
