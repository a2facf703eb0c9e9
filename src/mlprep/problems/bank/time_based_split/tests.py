"""Hand-made cases first (ceil, ties at the cut, the n - 1 cap), then seeded timestamps.

Every fraction times n is either an integer with a dyadic fraction (0.25, 0.5: exact in binary)
or at least 0.05 away from an integer, so ceil(valid_fraction * n) is the same whether computed in
floating point, exactly, or from the decimal literal (checked by _case below). Most cases are
shuffled and hold many tied timestamps, some of them straddling the cut, and most products are
not integers, so floor and ceil differ.
"""

import math
from fractions import Fraction

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: 0.3 * 6 = 1.8, so 2 validation samples.
    yield _case("basic_ceil", (np.array([30, 10, 50, 20, 40, 10]), 0.3), "basic")
    # Three samples share the latest time; the cut falls inside the tie.
    yield _case("tie_at_the_cut", (np.array([5, 3, 5, 1, 5]), 0.375), "ties")
    # ceil(0.9 * 3) = 3 would leave train empty: validation is capped at n - 1 = 2.
    yield _case("train_keeps_one", (np.array([4.0, 2.0, 3.0]), 0.9), "bounds")

    yield _case("two_samples_half", (np.array([7, 3]), 0.5), "n = 2")
    yield _case("two_samples_tiny_fraction", (np.array([1.5, 1.5]), 0.01), "n = 2")
    yield _case("two_samples_large_fraction", (np.array([9, 2]), 0.99), "bounds")
    yield _case("tiny_fraction_one_valid", (rng.permutation(1000), 1e-6), "bounds")
    yield _case("large_fraction_capped", (rng.integers(0, 5, size=10), 0.95), "bounds")
    yield _case("already_sorted", (np.arange(20) * 2.5, 0.25), "sorted input")
    yield _case("reverse_sorted", (np.arange(17, 0, -1), 0.35), "sorted input")
    # All timestamps equal: time order is index order.
    yield _case("all_equal", (np.full(12, 42.0), 0.25), "ties")
    yield _case(
        "two_blocks_of_ties", (rng.permutation(np.repeat([100, 200], [9, 11])), 0.28), "ties"
    )
    # Many ties in a long array: the default (unstable) argsort reorders them.
    yield _case("many_ties", (rng.integers(0, 20, size=600), 0.1875), "ties")
    yield _case("negative_times", (rng.integers(-1000, 1000, size=101), 0.375), "offsets")
    # Nanosecond epoch timestamps: large int64 values with ties.
    t = 1_700_000_000_000_000_000 + rng.integers(0, 50, size=310) * 1_000_000_007
    yield _case("epoch_nanoseconds", (t, 0.15), "large values")
    # Float epoch seconds: only a relative gap of ~1e-10 separates neighbours.
    t = 1.7e9 + np.round(rng.random(410) * 5000, 1)
    yield _case("epoch_seconds_float", (t, 0.33), "large values")
    for i, (n, frac) in enumerate([(50, 0.11), (333, 0.5), (1999, 0.15), (2000, 0.71875)]):
        t = rng.integers(0, n // 3, size=n).astype(float) + rng.choice([0.0, 0.5], size=n)
        yield _case(f"random_times_{i}", (t, frac), "random")


def _case(name, args, category):
    """A Case, after checking that round-off cannot change the validation size."""
    timestamps, frac = args
    n = len(timestamps)
    sizes = {
        math.ceil(frac * n),
        math.ceil(Fraction(frac) * n),
        math.ceil(Fraction(repr(frac)) * n),
    }
    assert len(sizes) == 1, name
    return Case(name, args, category)
