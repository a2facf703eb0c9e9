"""Hand-made cases first (the example, B worse than A, equal rates, unequal arm sizes, no or all
conversions, a very large z), then seeded experiments from small pilots to a million users per
arm, with and without a real effect."""

from mlprep.problems import Case


def cases(rng):
    yield Case("lift_of_2_5_points", (200, 2000, 250, 2000), "basic")
    # B converts less than A: z is negative, the p-value is the same as for the mirror image.
    yield Case("treatment_worse", (130, 1000, 100, 1000), "sign")
    # Unequal arms: the pooled rate is weighted by size, and 1/n_a + 1/n_b is not 2/n.
    yield Case("unequal_arms", (30, 400, 150, 1600), "unequal arms")
    yield Case("equal_rates", (50, 500, 100, 1000), "no difference")
    yield Case("no_conversions", (0, 800, 0, 1200), "degenerate")
    yield Case("all_converted", (300, 300, 50, 50), "degenerate")
    # One arm converts nobody, the other a few: the pooled SE is still positive.
    yield Case("one_arm_zero", (0, 1000, 9, 1000), "edge rates")
    yield Case("tiny_arms", (1, 3, 2, 3), "tiny")
    # z around 10: the p-value is about 1e-23, far below what 1 - cdf can resolve.
    yield Case("huge_effect", (1000, 10000, 1700, 10000), "large z")
    # A million users per arm and a 0.1-point lift: significant although tiny.
    yield Case("large_sample_small_lift", (50_000, 1_000_000, 51_000, 1_000_000), "large n")
    for i, (n_low, n_high, lift) in enumerate(
        [(100, 1000, 0.0), (1000, 20000, 0.01), (5000, 100000, 0.002), (200, 5000, 0.05)]
    ):
        n_a, n_b = (int(v) for v in rng.integers(n_low, n_high, size=2))
        base = float(rng.uniform(0.02, 0.4))
        conv_a = int(rng.binomial(n_a, base))
        conv_b = int(rng.binomial(n_b, min(base + lift, 1.0)))
        yield Case(f"random_experiment_{i}", (conv_a, n_a, conv_b, n_b), "random")
    n = 400_000
    yield Case(
        "random_large_arms",
        (int(rng.binomial(n, 0.031)), n, int(rng.binomial(n, 0.033)), n),
        "large n",
    )
