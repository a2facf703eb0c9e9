"""Share of significant positive results that are true effects."""


def answer() -> float:
    experiments, true_percent, power_percent, false_rate = 1000, 10, 80, 0.025  # as stated
    true_ideas = experiments * true_percent / 100
    true_wins = true_ideas * power_percent / 100
    false_wins = (experiments - true_ideas) * false_rate
    return true_wins / (true_wins + false_wins)
