"""Total sample size for a difference in means with a 10/90 split, in thousands."""


def answer() -> float:
    sigma, delta, treat_percent = 40, 1, 10  # as stated in the question
    z_alpha, z_beta = 1.96, 0.84
    share_t = treat_percent / 100
    share_c = 1 - share_t
    n_total = (z_alpha + z_beta) ** 2 * sigma**2 * (1 / share_t + 1 / share_c) / delta**2
    return n_total / 1000
