"""Hand-made cases first (the example, a perfect split, unnormalised and uneven ratios, three to
eight arms so that both even and odd degrees of freedom occur, an empty arm, a gross mismatch),
then seeded experiments, half of them with a real mismatch."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("fifty_fifty_mismatch", (np.array([50_500, 49_500]), np.array([0.5, 0.5])), "basic")
    # Three arms (two degrees of freedom), ratios given as 1:1:1.
    yield Case("three_arms", (np.array([1000, 1000, 1100]), np.array([1.0, 1.0, 1.0])), "arms")
    # A planned 90/10 split given as percentages.
    yield Case("ninety_ten_split", (np.array([8950, 1050]), np.array([90.0, 10.0])), "ratios")
    yield Case(
        "perfect_split", (np.array([2500, 2500, 5000]), np.array([0.25, 0.25, 0.5])), "no mismatch"
    )
    yield Case(
        "four_arms_odd_df", (np.array([260, 240, 255, 245]), np.array([1.0, 1.0, 1.0, 1.0])), "arms"
    )
    yield Case(
        "five_uneven_arms",
        (np.array([4100, 1450, 1480, 1530, 1440]), np.array([0.4, 0.15, 0.15, 0.15, 0.15])),
        "arms",
    )
    yield Case(
        "eight_arms",
        (np.array([130, 118, 125, 140, 109, 122, 131, 125]), np.ones(8)),
        "arms",
    )
    # An arm that received nobody: its term is just E.
    yield Case("empty_arm", (np.array([0, 40, 60]), np.array([0.2, 0.4, 0.4])), "empty arm")
    # A logging bug that lost a fifth of B: the p-value underflows to (almost) 0.
    yield Case("gross_mismatch", (np.array([100_000, 80_000]), np.array([1.0, 1.0])), "large chi2")
    yield Case("tiny_counts", (np.array([3, 1]), np.array([1.0, 1.0])), "tiny")
    for i in range(10):
        k = int(rng.integers(2, 9))
        ratios = rng.uniform(0.5, 3.0, size=k)
        n = int(rng.integers(2_000, 200_000))
        true = ratios * (1 + (rng.normal(0, 0.01, size=k) if i % 2 else 0.0))
        observed = rng.multinomial(n, true / true.sum())
        yield Case(f"random_experiment_{i}", (observed, ratios), "random")
