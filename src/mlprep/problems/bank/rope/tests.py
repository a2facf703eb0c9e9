"""Hand-made cases first (the example, one pair, a fan of one vector at eight positions, a single
position, non-default bases, one-hot rows that show which pairs turn together), then seeded
random inputs up to n = 2000 positions and d = 50."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: theta = [1, 0.01] for d = 4 and the default base.
    yield Case("two_pairs_example", (np.tile([1.0, 0.0, 1.0, 0.0], (3, 1)),), "basic")
    # d = 2: a single pair turning by i radians at position i.
    yield Case("one_pair", (rng.normal(size=(5, 2)),), "one pair")
    # The same vector at eight positions, base 100: pair 0 turns 1 rad, pair 1 0.1 rad per step.
    yield Case("rotation_fan", (np.tile([1.0, 0.0, 0.5, 0.0], (8, 1)), 100.0), "toy data")

    # Position 0 is never rotated.
    yield Case("single_position", (rng.normal(size=(1, 6)),), "one position")
    # One-hot rows: the energy must stay in pair (2j, 2j + 1), not move to column j + d/2.
    yield Case("one_hot_rows", (np.tile(np.eye(8), (3, 1)),), "pairs")
    yield Case("base_100", (rng.normal(size=(6, 8)), 100.0), "base")
    yield Case("base_500000", (rng.normal(size=(40, 16)), 500000.0), "base")
    yield Case("base_2", (rng.normal(size=(10, 12)), 2.0), "base")
    yield Case("integer_valued_input", (rng.integers(-3, 4, size=(7, 6)).astype(float),), "basic")
    yield Case("large_magnitude", (rng.normal(0, 1e3, size=(12, 10)),), "scale")

    # Random shapes: (n, d).
    for i, (n, d) in enumerate([(4, 4), (16, 8), (64, 32), (128, 50), (500, 12), (2000, 8)]):
        yield Case(f"random_{i}", (rng.normal(size=(n, d)),), "random")
    yield Case("random_base_1000", (rng.normal(size=(300, 20)), 1000.0), "random")
