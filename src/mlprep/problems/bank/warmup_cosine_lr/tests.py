"""Hand-made cases first (the example across every boundary, no warm-up, decay to zero, steps
past the end, unsorted and repeated steps, a one-step decay), then seeded random schedules with
typical learning rates and step counts, and random step indices."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("short_schedule", (np.arange(9), 1.0, 0.1, 2, 6), "basic")
    # Steps exactly at and around both boundaries, and far beyond the end.
    yield Case(
        "boundaries",
        (np.array([0, 9, 10, 11, 59, 60, 61, 1000]), 3e-4, 3e-5, 10, 60),
        "boundaries",
    )
    yield Case("no_warmup", (np.arange(6), 0.5, 0.0, 0, 4), "no warm-up")

    yield Case("decay_to_zero", (np.arange(0, 101, 5), 1e-3, 0.0, 20, 100), "min_lr = 0")
    # min_lr == base_lr: constant after the warm-up.
    yield Case("min_equals_base", (np.arange(12), 0.02, 0.02, 4, 8), "flat")
    yield Case(
        "unsorted_repeated_steps", (np.array([7, 0, 3, 3, 12, 1, 5, 7]), 2.0, 0.5, 3, 9), "order"
    )
    # The decay lasts one step: warm-up to step 5, min_lr from step 6 on.
    yield Case("one_step_decay", (np.arange(9), 1.0, 0.25, 5, 6), "boundaries")
    yield Case("warmup_of_one_step", (np.arange(5), 1.0, 0.0, 1, 3), "boundaries")
    yield Case("single_step_query", (np.array([250]), 6e-4, 6e-5, 100, 1000), "tiny")
    yield Case(
        "only_past_the_end", (np.array([101, 150, 10**6]), 0.1, 0.001, 10, 100), "after the end"
    )

    for i, (base, ratio, warm, total, n) in enumerate(
        [
            (3e-4, 0.1, 100, 1000, 50),
            (1e-3, 0.0, 2000, 100000, 200),
            (6e-4, 0.1, 700, 60000, 500),
            (0.1, 0.01, 5, 50, 60),
            (1.0, 0.5, 0, 300, 400),
            (2e-5, 0.0, 500, 5000, 2000),
        ]
    ):
        steps = rng.integers(0, int(total * 1.3) + 1, size=n)
        yield Case(f"random_{i}", (steps, base, base * ratio, warm, total), "random")
    yield Case("every_step", (np.arange(201), 0.01, 0.001, 37, 173), "random")
