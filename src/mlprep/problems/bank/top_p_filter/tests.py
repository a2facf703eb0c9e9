"""Hand-made cases first (the example, a cut inside a group of tied tokens, one token, a tiny p,
p = 1, uniform logits, temperatures far from 1, logits that overflow or underflow a naive
softmax), then seeded random vocabularies with p placed safely between two prefix sums."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    yield Case("five_tokens", (np.array([2.0, 1.0, 0.5, 3.0, -1.0]), 1.0, 0.8), "basic")
    # Tokens 1, 2 and 4 tie (q = 0.2855 each); p = 0.5 needs two of them: 1 and 2, not 4.
    yield Case("tie_inside_the_cut", (np.array([1.0, 2.0, 2.0, 0.0, 2.0]), 1.0, 0.5), "ties")
    # The picture's toy vocabulary.
    logits = _distinct_logits(rng, 12, 1.5)
    yield Case("toy_vocabulary", (logits, 0.8, _p_between(logits, 0.8, 5, 0.6)), "toy data")

    yield Case("single_token", (np.array([3.5]), 0.7, 0.5), "one token")
    # A tiny p still keeps one token: the most likely one, with probability 1.
    yield Case("tiny_p_keeps_top_token", (_distinct_logits(rng, 9, 1.0), 1.0, 1e-3), "tiny p")
    # p = 1 keeps every token: the answer is softmax(logits / temperature).
    yield Case("p_one_keeps_everything", (_distinct_logits(rng, 20, 2.0), 1.3, 1.0), "p = 1")
    # All logits equal: every token ties, so the lowest indices are kept first (3/8 >= 0.3).
    yield Case("uniform_logits", (np.zeros(8), 1.0, 0.3), "ties")
    yield Case("uniform_logits_p_one", (np.zeros(5), 2.0, 1.0), "ties")
    # Ties of small integers, with p falling inside the group tied at the cut.
    logits = np.array([0.0, 1.0, 3.0, 1.0, 3.0, 2.0, 3.0, -1.0, 1.0, 2.0])
    yield Case("many_ties", (logits, 1.0, _p_between(logits, 1.0, 2, 0.5)), "ties")
    yield Case("many_ties_later_cut", (logits, 1.0, _p_between(logits, 1.0, 7, 0.3)), "ties")
    # Temperature 0.01: the scaled logits reach 5000; a naive exp overflows.
    logits = np.array([50.0, 50.003, 10.0, -40.0])
    yield Case("low_temperature_keeps_two", (logits, 0.01, 0.7), "low temperature")
    yield Case("low_temperature_keeps_one", (logits, 0.01, 0.5), "low temperature")
    # The temperature decides the cut: sharp at 0.5, flat at 3.
    logits = np.array([2.0, 1.0, 0.0, -1.0, 0.5])
    yield Case("sharp_temperature", (logits, 0.5, 0.9), "temperature")
    yield Case("flat_temperature", (logits, 3.0, 0.9), "temperature")
    yield Case("high_temperature", (_distinct_logits(rng, 30, 3.0), 50.0, 0.5), "temperature")
    # Logits around -1000 or +1000: exp underflows to 0 (0/0) or overflows without the shift.
    logits = -1000.0 + _distinct_logits(rng, 15, 1.0)
    yield Case("large_negative_logits", (logits, 1.0, _p_between(logits, 1.0, 4, 0.5)), "offset")
    logits = 1000.0 + _distinct_logits(rng, 15, 1.0)
    yield Case("large_positive_logits", (logits, 1.0, _p_between(logits, 1.0, 6, 0.5)), "offset")

    # Random vocabularies: (V, spread of the logits, temperature, tokens kept).
    for i, (V, spread, temperature, k) in enumerate(
        [
            (2, 1.0, 1.0, 1),
            (6, 2.0, 0.7, 3),
            (10, 1.0, 1.0, 8),
            (50, 3.0, 1.5, 12),
            (100, 2.0, 0.5, 4),
            (500, 1.0, 1.0, 300),
            (1000, 4.0, 2.0, 40),
            (2000, 2.0, 0.9, 150),
        ]
    ):
        logits = _distinct_logits(rng, V, spread)
        p = _p_between(logits, temperature, k, rng.uniform(0.1, 0.9))
        yield Case(f"random_{i}", (logits, temperature, p), "random")
    # Random small-integer logits: many ties, and the cut often falls inside a tied group.
    for i, (V, k) in enumerate([(12, 5), (40, 17), (200, 90)]):
        logits = rng.integers(-4, 5, size=V).astype(float)
        p = _p_between(logits, 1.0, k, rng.uniform(0.1, 0.9))
        yield Case(f"random_ties_{i}", (logits, 1.0, p), "ties")


def _distinct_logits(rng, V, spread):
    """Normal logits, redrawn until every two of them are at least 1e-6 apart."""
    while True:
        logits = rng.normal(0, spread, size=V)
        if V == 1 or np.diff(np.sort(logits)).min() >= 1e-6:
            return logits


def _p_between(logits, temperature, k, u):
    """A p whose nucleus is exactly the k most likely tokens: a share u of the way from the sum
    of the first k - 1 to the sum of the first k (so every prefix sum stays well away from p)."""
    z = np.asarray(logits, dtype=float) / temperature
    q = np.exp(z - z.max())
    q = np.sort(q / q.sum())[::-1]
    before = q[: k - 1].sum()
    p = before + u * q[k - 1]
    assert min(p - before, q[:k].sum() - p) >= 1e-9 and p < 1
    return float(p)
