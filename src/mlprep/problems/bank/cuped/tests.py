"""Hand-made cases first (the example, a negative relation, a constant covariate, a constant
metric, an exact linear relation, two users), then seeded pre-/post-period metrics: skewed
revenue-like data, weak and strong correlation, and values far from 0 that break one-pass
variance formulas."""

import numpy as np

from mlprep.problems import Case


def _metric(rng, n, slope, noise, offset_x=0.0, offset_y=0.0):
    x = rng.lognormal(mean=1.0, sigma=0.8, size=n)
    y = 2.0 + slope * x + rng.normal(0, noise, size=n)
    return y + offset_y, x + offset_x


def cases(rng):
    # The statement's example: theta = 18 / 10 = 1.8.
    yield Case(
        "five_users",
        (np.array([3.0, 5.0, 4.0, 8.0, 10.0]), np.array([1.0, 3.0, 2.0, 4.0, 5.0])),
        "basic",
    )
    # Higher pre-period value, lower metric: theta is negative.
    yield Case(
        "negative_relation",
        (np.array([9.0, 7.0, 8.0, 4.0, 5.0, 3.0]), np.array([1.0, 2.0, 2.0, 4.0, 3.0, 5.0])),
        "sign",
    )
    # Every user has the same pre-period value: theta = 0, nothing changes.
    yield Case(
        "constant_covariate",
        (np.array([1.0, 4.0, 2.0, 7.0]), np.full(4, 3.0)),
        "degenerate",
    )
    yield Case(
        "constant_covariate_many_users",
        (rng.normal(10.0, 3.0, size=200), np.full(200, 7.5)),
        "degenerate",
    )
    yield Case(
        "constant_metric",
        (np.full(5, 2.5), np.array([1.0, 2.0, 0.0, 5.0, 3.0])),
        "degenerate",
    )
    # y is exactly 2x + 1: the adjusted metric is constant (the mean of y), reduction 1.
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    yield Case("exact_linear_relation", (2.0 * x + 1.0, x), "perfect covariate")
    yield Case("two_users", (np.array([1.0, 4.0]), np.array([2.0, 3.0])), "tiny")
    # Small n: a covariance and a variance with different ddof differ by a factor n / (n - 1).
    yield Case(
        "small_sample",
        (np.array([2.0, 6.0, 3.0, 9.0, 5.0, 7.0]), np.array([1.0, 4.0, 1.0, 5.0, 4.0, 2.0])),
        "ddof",
    )
    y, x = _metric(rng, 300, 0.0, 1.0)
    yield Case("independent_covariate", (y, x), "weak covariate")
    y, x = _metric(rng, 500, 3.0, 0.5)
    yield Case("strong_covariate", (y, x), "random")
    # Values around ten million with unit spread: E[x^2] - E[x]^2 loses every digit.
    y, x = _metric(rng, 400, 1.5, 1.0, offset_x=1e7, offset_y=5e6)
    yield Case("large_offset", (y, x), "large offset")
    for i, (n, slope, noise) in enumerate(
        [(50, 1.0, 1.0), (200, -0.5, 2.0), (1000, 0.2, 0.3), (2000, 4.0, 10.0), (25, 2.0, 0.1)]
    ):
        y, x = _metric(rng, n, slope, noise)
        yield Case(f"random_metric_{i}", (y, x), "random")
