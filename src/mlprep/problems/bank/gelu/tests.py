"""Hand-made cases first (the example, exact zeros, the far tails, the negative tail where a cheap
erf approximation or the tanh formula drifts, a 2-D input), then seeded random arrays."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case("small_values", (np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0]),), "basic")
    # The negative tail: GELU is tiny but not zero, and relative accuracy still counts.
    yield Case("negative_tail", (np.array([-3.0, -4.0, -5.0, -6.0]),), "negative tail")
    yield Case("matrix_input", (np.array([[0.25, -0.75], [1.5, -1.5], [2.0, 0.0]]),), "2-D")

    yield Case("zeros", (np.zeros(5),), "zeros")
    # Far out GELU is x (slope 1) on the right and 0 (slope 0) on the left.
    yield Case("far_tails", (np.array([-40.0, -12.0, 12.0, 40.0]),), "far tails")
    # Around the minimum of GELU (x about -0.75), where the derivative crosses 0.
    yield Case("around_minimum", (np.linspace(-1.0, -0.5, 11),), "minimum")
    yield Case("near_zero", (rng.normal(0.0, 1e-3, size=20),), "near zero")
    yield Case("single_value", (np.array([1.25]),), "one value")
    yield Case("moderate_negatives", (-rng.uniform(2.0, 7.0, size=30),), "negative tail")
    yield Case("column_vector", (rng.normal(size=(8, 1)),), "2-D")
    for i, (shape, scale) in enumerate(
        [((50,), 1.0), ((20, 10), 2.0), ((300,), 3.0), ((100, 50), 1.0), ((2000, 50), 2.0)]
    ):
        yield Case(f"random_{i}", (rng.normal(0.0, scale, size=shape),), "random")
