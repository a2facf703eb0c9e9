"""Hand-made edge cases first (d = 1, constant rows, square inputs, a zero upstream gradient,
far-from-zero means, a variance comparable to eps), then seeded random batches. gamma is never
all ones except where said, so forgetting it in dx shows."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_rows",
        (
            np.array([[1.0, 2.0, 3.0, 6.0], [-2.0, 0.0, 2.0, 0.0]]),
            np.array([1.0, 1.0, 2.0, 0.5]),
            np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, -1.0, 2.0]]),
        ),
        "basic",
    )
    # An upstream gradient equal on every feature of a row is absorbed by the mean: dx = 0 there
    # when gamma is all ones.
    yield Case(
        "uniform_upstream",
        (
            np.array([[0.0, 1.0, 5.0], [2.0, -1.0, 3.0]]),
            np.ones(3),
            np.array([[1.0, 1.0, 1.0], [-2.0, -2.0, -2.0]]),
        ),
        "mean path",
    )
    # d = 1: x_hat is always 0, so dx = 0 and dgamma = 0 whatever dout is.
    yield Case(
        "single_feature",
        (np.array([[3.0], [-1.0], [0.5]]), np.array([2.0]), np.array([[1.0], [2.0], [-4.0]])),
        "d = 1",
    )

    # Upstream gradient proportional to x_hat (gamma = 1): dx = 0 through the variance path.
    x = rng.normal(size=(4, 6))
    x_hat = (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True)
    yield Case("upstream_along_x_hat", (x, np.ones(6), 3.0 * x_hat), "variance path")
    yield Case(
        "constant_row",
        (
            np.vstack([np.full(5, 2.5), rng.normal(size=5)]),
            rng.normal(size=5),
            rng.normal(size=(2, 5)),
        ),
        "constant row",
    )
    yield Case(
        "zero_upstream",
        (rng.normal(size=(3, 4)), rng.normal(size=4), np.zeros((3, 4))),
        "zero gradient",
    )
    yield Case(
        "single_row",
        (rng.normal(size=(1, 8)), rng.normal(size=8), rng.normal(size=(1, 8))),
        "n = 1",
    )
    yield Case(
        "two_features",
        (rng.normal(size=(6, 2)), np.array([1.5, -0.5]), rng.normal(size=(6, 2))),
        "d = 2",
    )
    # n == d: a batch-norm (axis 0) backward broadcasts without an error.
    yield Case(
        "square_input",
        (
            rng.normal(size=(5, 5)) * rng.uniform(0.5, 3.0, size=(5, 1)),
            rng.normal(size=5),
            rng.normal(size=(5, 5)),
        ),
        "axis",
    )
    # Variance around 1e-6, comparable to eps: eps must be used exactly as in the forward pass.
    yield Case(
        "tiny_spread",
        (rng.normal(0.0, 1e-3, size=(6, 4)), rng.normal(size=4), rng.normal(size=(6, 4))),
        "eps",
    )
    yield Case(
        "large_eps",
        (rng.normal(size=(5, 6)), rng.normal(size=6), rng.normal(size=(5, 6)), 0.5),
        "eps",
    )
    yield Case(
        "large_offset",
        (1e5 + rng.normal(0.0, 2.0, size=(20, 8)), rng.normal(size=8), rng.normal(size=(20, 8))),
        "large offset",
    )
    for i, (n, d) in enumerate([(10, 3), (40, 16), (200, 32), (1000, 50), (12, 12)]):
        x = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0, size=(n, 1)) + rng.normal(
            0.0, 5.0, size=(n, 1)
        )
        yield Case(f"random_{i}", (x, rng.normal(size=d), rng.normal(size=(n, d))), "random")
