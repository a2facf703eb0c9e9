"""Effective sample size under cluster randomisation, in thousands."""


def answer() -> float:
    users, cluster_size, icc = 100_000, 50, 0.02  # as stated in the question
    design_effect = 1 + (cluster_size - 1) * icc
    return users / design_effect / 1000
