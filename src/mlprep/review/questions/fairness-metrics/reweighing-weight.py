"""Kamiran-Calders reweighing weight for positive examples of one group."""


def answer() -> float:
    n, n_group, n_pos, n_group_pos = 1000, 400, 300, 80  # as stated in the question
    return (n_group / n) * (n_pos / n) / (n_group_pos / n)
