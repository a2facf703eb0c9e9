"""Expected revenue of a second-price auction, two uniform bidders, with a reserve."""


def answer() -> float:
    reserve = 0.5  # as stated in the question; two bidders with values uniform on [0, 1]
    # revenue = integral from reserve to 1 of (reserve^2 + v^2) dv
    return reserve**2 * (1 - reserve) + (1 - reserve**3) / 3
