"""Hand-made edge cases first (d = 1, constant rows, square inputs, far-from-zero means, eps that
matters), then seeded random batches of many shapes and scales."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_rows",
        (
            np.array([[1.0, 2.0, 3.0, 6.0], [-2.0, 0.0, 2.0, 0.0]]),
            np.array([1.0, 1.0, 2.0, 0.5]),
            np.array([0.0, 1.0, 0.0, -1.0]),
        ),
        "basic",
    )
    # The second row is constant: its normalised values are 0, so the output is beta there.
    yield Case(
        "constant_row",
        (
            np.array([[0.0, 3.0, 6.0], [5.0, 5.0, 5.0]]),
            np.array([2.0, 1.0, 0.5]),
            np.array([0.0, 1.0, 2.0]),
        ),
        "constant row",
    )
    yield Case(
        "custom_eps",
        (np.array([[1.0, 2.0, 3.0, 4.0]]), np.ones(4), np.zeros(4), 0.25),
        "eps",
    )

    # d = 1: each row is a single value, so every output is beta.
    yield Case(
        "single_feature",
        (rng.normal(0.0, 5.0, size=(9, 1)), np.array([3.0]), np.array([-0.75])),
        "d = 1",
    )
    yield Case(
        "single_row",
        (rng.normal(1.0, 2.0, size=(1, 10)), rng.normal(size=10), rng.normal(size=10)),
        "n = 1",
    )
    yield Case(
        "all_rows_constant",
        (
            np.repeat(np.array([[2.5], [-1e6], [0.1], [0.0]]), 6, axis=1),
            rng.normal(size=6),
            rng.normal(size=6),
        ),
        "constant row",
    )
    # n == d: per-row statistics without keepdims, or along the wrong axis, still broadcast.
    yield Case(
        "square_input",
        (
            rng.normal(0.0, 3.0, size=(5, 5)) + np.arange(5.0)[:, None] * 4,
            rng.normal(size=5),
            rng.normal(size=5),
        ),
        "axis",
    )
    yield Case(
        "square_random",
        (
            rng.normal(0.0, 1.0, size=(8, 8)) * rng.uniform(0.5, 5.0, size=(8, 1)),
            rng.normal(size=8),
            rng.normal(size=8),
        ),
        "axis",
    )
    # Rows around 1e6 with small spread: E[x^2] - E[x]^2 loses every significant digit.
    yield Case(
        "large_offset",
        (1e6 + rng.normal(0.0, 0.1, size=(100, 8)), rng.normal(size=8), rng.normal(size=8)),
        "large offset",
    )
    row_offsets = np.array([[1e6], [-1e6], [0.0], [3e5]])
    yield Case(
        "mixed_large_offsets",
        (row_offsets + rng.normal(0.0, 1.0, size=(4, 16)), np.ones(16), np.zeros(16)),
        "large offset",
    )
    # Variance about 1e-6, below eps: where eps goes (inside or outside the root) matters.
    yield Case(
        "tiny_spread",
        (rng.normal(0.0, 1e-3, size=(20, 6)), rng.normal(size=6), rng.normal(size=6)),
        "eps",
    )
    yield Case(
        "large_eps",
        (rng.normal(0.0, 1.0, size=(10, 7)), rng.normal(size=7), rng.normal(size=7), 2.0),
        "eps",
    )
    yield Case(
        "two_features",
        (rng.normal(0.0, 4.0, size=(12, 2)), np.array([1.0, -1.0]), np.array([0.5, 0.5])),
        "tiny",
    )
    yield Case(
        "zero_and_negative_gamma",
        (rng.normal(size=(6, 3)), np.array([0.0, -2.0, 1.0]), np.array([5.0, 0.0, -1.0])),
        "gamma and beta",
    )
    # Each row has its own scale and offset: statistics pooled over the whole array are wrong.
    scales, offsets = rng.uniform(0.01, 100.0, size=(40, 1)), rng.normal(0, 50, size=(40, 1))
    x = rng.normal(size=(40, 12)) * scales + offsets
    yield Case("mixed_row_scales", (x, rng.normal(size=12), rng.normal(size=12)), "random")
    yield Case(
        "integer_valued",
        (rng.integers(-5, 6, size=(15, 8)).astype(float), rng.normal(size=8), rng.normal(size=8)),
        "random",
    )
    yield Case(
        "random_big_batch",
        (rng.normal(2.0, 3.0, size=(2000, 50)), rng.normal(size=50), rng.normal(size=50)),
        "random",
    )
