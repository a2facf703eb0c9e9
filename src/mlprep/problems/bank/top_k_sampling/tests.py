"""Hand-made cases first (the example, k = 1, ties at the top-k boundary, uniform rows, the kept
order, temperatures, huge logits, empty and one-token runs), then seeded random tables whose
logits are multiples of 1/8, so ties at the top-k boundary come up in the random cases too."""

import numpy as np

from mlprep.problems import Case

EXAMPLE = np.array(
    [
        [1.0, 2.0, 0.0, -1.0],
        [0.0, 0.0, 3.0, 1.0],
        [2.0, 1.0, 1.0, 2.0],
        [0.5, 0.0, 0.0, 0.0],
    ]
)


def cases(rng):
    yield Case("four_tokens", (EXAMPLE, 0, 6, 2, 1.0, 0), "basic")
    # Tokens 1, 2 and 3 tie for the best logit and k = 2: only tokens 1 and 2 are kept.
    tied = np.tile(np.array([1.0, 3.0, 3.0, 3.0, 0.0]), (5, 1))
    yield Case("tie_at_top_k_boundary", (tied, 0, 30, 2, 1.0, 7), "ties")
    # The best token has the highest index: the CDF must run over the kept tokens best first.
    ordered = np.tile(np.array([0.0, 1.0, 2.5]), (3, 1))
    yield Case("kept_order_best_first", (ordered, 0, 30, 3, 1.0, 3), "kept order")

    # All logits equal: the k lowest indices are kept, each with probability 1/k.
    yield Case("uniform_rows", (np.zeros((6, 6)), 2, 40, 3, 1.0, 11), "ties")
    # k = 1 is greedy decoding; the generator is still drawn from once per step.
    yield Case("k_one_is_greedy", (_table(rng, 7), 0, 25, 1, 1.0, 5), "k = 1")
    yield Case("k_equals_vocabulary", (_table(rng, 6), 1, 60, 6, 1.0, 12), "k = V")
    yield Case("low_temperature", (_table(rng, 8), 3, 60, 4, 0.25, 13), "temperature")
    yield Case("high_temperature", (_table(rng, 8), 3, 60, 4, 5.0, 14), "temperature")
    # Logits around +-1000: exp overflows (or gives 0/0) unless the largest kept logit is
    # subtracted first; the differences stay small, so the distribution is far from one-hot.
    yield Case("huge_logits", (1000.0 + _table(rng, 6), 0, 40, 3, 1.0, 15), "large logits")
    yield Case("huge_negative_logits", (_table(rng, 6) - 1000.0, 0, 40, 3, 1.0, 16), "large logits")
    yield Case("zero_steps", (_table(rng, 5), 0, 0, 2, 1.0, 17), "empty")
    yield Case("one_token_vocabulary", (np.array([[0.3]]), 0, 5, 1, 1.0, 18), "tiny")
    # Same table and settings, a different seed: different draws, so a different sequence.
    yield Case("example_other_seed", (EXAMPLE, 0, 20, 2, 1.0, 2024), "seed")
    yield Case("example_three_kept", (EXAMPLE, 3, 20, 3, 0.8, 0), "basic")

    for i, (v, n_steps, k, temperature) in enumerate(
        [
            (5, 50, 2, 1.0),
            (10, 100, 3, 0.7),
            (20, 200, 5, 1.5),
            (50, 300, 10, 1.0),
            (50, 500, 50, 1.0),
            (8, 150, 7, 0.3),
            (30, 200, 1, 2.0),
            (40, 400, 20, 0.9),
        ]
    ):
        table = _table(rng, v)
        start = int(rng.integers(0, v))
        seed = int(rng.integers(0, 2**31))
        yield Case(f"random_{i}", (table, start, n_steps, k, temperature, seed), "random")


def _table(rng, v):
    """Logits that are multiples of 1/8 in [-4, 4]: exact, and often tied."""
    return rng.integers(-32, 33, size=(v, v)) / 8.0
