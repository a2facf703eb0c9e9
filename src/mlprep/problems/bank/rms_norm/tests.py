"""Hand-made edge cases first (constant rows, zero rows, d = 1, square inputs, rows whose mean
square is comparable to eps, large values), then seeded random batches of many shapes and scales."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_rows",
        (np.array([[2.0, -2.0, 2.0, 2.0], [3.0, 0.0, 0.0, 4.0]]), np.array([1.0, 0.5, 2.0, -1.0])),
        "basic",
    )
    # A constant row has RMS |c|: the output is sign(c) * gain, not 0 as in layer norm.
    yield Case(
        "constant_rows",
        (np.array([[3.0, 3.0, 3.0], [-0.5, -0.5, -0.5]]), np.array([1.0, 2.0, -1.0])),
        "no centring",
    )
    # Mean square 1e-6 = eps: sqrt(ms + eps) and sqrt(ms) + eps differ by a factor about 1.4.
    yield Case(
        "eps_matters",
        (np.array([[1e-3, -1e-3, 1e-3, -1e-3], [0.0, 0.0, 0.0, 2e-3]]), np.ones(4), 1e-6),
        "eps",
    )

    # An all-zero row stays zero: eps keeps the denominator positive.
    yield Case(
        "zero_row",
        (np.vstack([np.zeros(5), rng.normal(size=5)]), rng.normal(size=5)),
        "zero row",
    )
    # d = 1: every output is sign(x) * gain * |x| / sqrt(x^2 + eps).
    yield Case("single_feature", (rng.normal(0.0, 3.0, size=(8, 1)), np.array([1.5])), "d = 1")
    yield Case("single_row", (rng.normal(size=(1, 12)), rng.normal(size=12)), "n = 1")
    # Rows with a large mean and small spread: centring would remove almost everything.
    yield Case(
        "offset_rows",
        (5.0 + rng.normal(0.0, 0.1, size=(10, 6)), rng.normal(size=6)),
        "no centring",
    )
    # n == d, rows on very different scales: per-column statistics broadcast without an error.
    yield Case(
        "square_input",
        (
            rng.normal(size=(6, 6)) * np.array([[0.01], [0.1], [1.0], [10.0], [100.0], [3.0]]),
            rng.normal(size=6),
        ),
        "axis",
    )
    yield Case(
        "large_eps",
        (rng.normal(0.0, 1.0, size=(7, 5)), rng.normal(size=5), 0.5),
        "eps",
    )
    yield Case("tiny_values", (rng.normal(0.0, 1e-4, size=(12, 8)), rng.normal(size=8)), "eps")
    yield Case("large_values", (rng.normal(0.0, 1e6, size=(9, 7)), rng.normal(size=7)), "large")
    yield Case(
        "zero_and_negative_gain",
        (rng.normal(size=(5, 4)), np.array([0.0, -1.0, 2.0, 1.0])),
        "gain",
    )

    for i, (n, d, scale) in enumerate(
        [(10, 3, 1.0), (50, 16, 2.0), (200, 32, 0.5), (2000, 50, 1.0), (30, 30, 10.0)]
    ):
        scales = scale * rng.uniform(0.1, 10.0, size=(n, 1))
        yield Case(f"random_{i}", (rng.normal(size=(n, d)) * scales, rng.normal(size=d)), "random")
