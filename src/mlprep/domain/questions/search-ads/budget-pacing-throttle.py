"""Participation probability that spreads the remaining budget over the remaining traffic."""


def answer() -> float:
    budget, traffic_done_percent, spent = 1000, 40, 700  # as stated in the question
    done = traffic_done_percent / 100
    full_rate_remaining = spent / done * (1 - done)
    return (budget - spent) / full_rate_remaining
