"""Hand-made cases first (the example, a negative MDE, other alpha and power levels, power 0.5,
rare and even baselines, a large MDE), then seeded designs across baselines, effect sizes, signs,
significance levels and powers."""

from mlprep.problems import Case


def cases(rng):
    yield Case("ten_percent_plus_two_points", (0.10, 0.02), "basic")
    # Detecting a drop: p2 = 0.08 has less variance than 0.12, so fewer users are needed.
    yield Case("negative_mde", (0.10, -0.02), "sign")
    yield Case("stricter_alpha_higher_power", (0.05, 0.01, 0.01, 0.9), "alpha and power")
    # Power 0.5: z_beta = 0 and only the null term is left.
    yield Case("power_one_half", (0.20, 0.05, 0.05, 0.5), "alpha and power")
    yield Case("rare_event", (0.01, 0.002), "rare event")
    yield Case("even_baseline", (0.5, 0.1), "basic")
    yield Case("large_mde", (0.3, 0.4, 0.05, 0.8), "large effect")
    yield Case("loose_alpha", (0.15, 0.03, 0.10, 0.8), "alpha and power")
    yield Case("high_power", (0.4, -0.05, 0.05, 0.99), "alpha and power")
    for i in range(8):
        baseline = float(rng.uniform(0.01, 0.6))
        size = float(rng.uniform(0.003, 0.12))
        mde = size if rng.random() < 0.7 or baseline - size <= 0.001 else -size
        alpha = float(rng.choice([0.01, 0.05, 0.1]))
        power = float(rng.choice([0.8, 0.9, 0.95]))
        yield Case(f"random_design_{i}", (baseline, mde, alpha, power), "random")
