"""Hand-made edge cases first (n = 1, constant columns, far-from-zero means, eps that matters),
then seeded random batches of many shapes and scales."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "small_batch",
        (
            np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0], [7.0, 0.0]]),
            np.array([1.0, 2.0]),
            np.array([0.0, -1.0]),
        ),
        "basic",
    )
    # The second column never changes: its normalised values are 0, so the output is beta there.
    yield Case(
        "constant_column",
        (
            np.array([[2.0, 7.0], [4.0, 7.0], [6.0, 7.0]]),
            np.array([0.5, 3.0]),
            np.array([1.0, 2.0]),
        ),
        "constant column",
    )
    yield Case(
        "custom_eps",
        (np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([1.0]), np.array([0.0]), 0.75),
        "eps",
    )

    # n = 1: every column is constant over the batch, so the output is exactly beta.
    yield Case(
        "single_row",
        (np.array([[3.0, -1.5, 8.0, 0.25]]), rng.normal(size=4), rng.normal(size=4)),
        "n = 1",
    )
    yield Case("single_value", (np.array([[42.0]]), np.array([2.0]), np.array([-0.5])), "n = 1")
    yield Case(
        "two_rows",
        (np.array([[1.0, 10.0, -3.0], [2.0, 30.0, -3.5]]), np.ones(3), np.zeros(3)),
        "tiny",
    )
    yield Case(
        "all_columns_constant",
        (
            np.tile(np.array([[1.5, -2.0, 1e6, 0.1]]), (7, 1)),
            rng.normal(size=4),
            rng.normal(size=4),
        ),
        "constant column",
    )
    yield Case(
        "single_feature",
        (rng.normal(3.0, 2.0, size=(25, 1)), np.array([1.7]), np.array([0.3])),
        "d = 1",
    )
    # n == d: normalising the wrong axis keeps the shape, so only the values can tell.
    yield Case(
        "square_batch",
        (rng.normal(0.0, 2.0, size=(6, 6)), rng.normal(size=6), rng.normal(size=6)),
        "axis",
    )
    # Means around 1e6 with small spread: E[x^2] - E[x]^2 loses every significant digit.
    yield Case(
        "large_offset",
        (1e6 + rng.normal(0.0, 0.1, size=(200, 5)), rng.normal(size=5), rng.normal(size=5)),
        "large offset",
    )
    offsets = np.array([1e6, -1e6, 0.0, 5e5])
    yield Case(
        "mixed_large_offsets",
        (offsets + rng.normal(0.0, 1.0, size=(120, 4)), np.ones(4), np.zeros(4)),
        "large offset",
    )
    # Variance about 1e-6, below eps: where eps goes (inside or outside the root) matters.
    yield Case(
        "tiny_spread",
        (rng.normal(0.0, 1e-3, size=(50, 3)), rng.normal(size=3), rng.normal(size=3)),
        "eps",
    )
    yield Case(
        "large_eps",
        (rng.normal(0.0, 1.0, size=(40, 5)), rng.normal(size=5), rng.normal(size=5), 1.0),
        "eps",
    )
    yield Case(
        "zero_and_negative_gamma",
        (rng.normal(size=(30, 3)), np.array([0.0, -2.0, 1.0]), np.array([5.0, 0.0, -1.0])),
        "gamma and beta",
    )
    yield Case(
        "integer_valued",
        (rng.integers(-5, 6, size=(15, 8)).astype(float), rng.normal(size=8), rng.normal(size=8)),
        "random",
    )
    yield Case(
        "large_scale",
        (rng.normal(0.0, 1e4, size=(300, 10)), rng.normal(size=10), rng.normal(size=10)),
        "random",
    )
    yield Case(
        "random_big_batch",
        (rng.normal(2.0, 3.0, size=(2000, 50)), rng.normal(size=50), rng.normal(size=50)),
        "random",
    )
    x = rng.normal(size=(64, 12)) * rng.uniform(0.01, 100.0, size=12) + rng.normal(0, 50, size=12)
    yield Case("mixed_column_scales", (x, rng.normal(size=12), rng.normal(size=12)), "random")
