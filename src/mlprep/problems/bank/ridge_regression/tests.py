"""Hand-made small cases, then seeded data with offsets, scales, strong and zero penalties.

Cases with alpha = 0 have a centred X of full column rank (an ordinary least-squares fit). The
data keep the centred problem well conditioned, so every sound way of solving it agrees far
within the tolerance.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "one_feature_through_mean",
        (np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([1.0, 3.0, 5.0, 7.0]), 5.0),
        "basic",
    )
    yield Case(
        "zero_penalty_is_least_squares",
        (
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.0, 3.0]]),
            np.array([3.0, 1.0, 4.0, 6.0, 2.5]),
            0.0,
        ),
        "alpha = 0",
    )
    # Feature values around 100: penalising the intercept would drag b and w badly.
    yield Case(
        "features_far_from_zero",
        (
            np.array([[100.0, 50.0], [101.0, 52.0], [102.0, 51.0], [103.0, 55.0], [104.0, 53.0]]),
            np.array([10.0, 12.0, 13.0, 17.0, 16.0]),
            2.0,
        ),
        "offset",
    )

    X, y = _linear(rng, 50, 4, noise=0.3)
    yield Case("ols_random", (X, y, 0.0), "alpha = 0")
    X, y = _linear(rng, 40, 3, noise=0.5, x_offset=np.array([200.0, -80.0, 35.0]), y_offset=-40.0)
    yield Case("ols_with_offsets", (X, y, 0.0), "alpha = 0")
    X, y = _linear(rng, 60, 5, noise=1.0, x_offset=30.0, y_offset=10.0)
    yield Case("moderate_penalty_offsets", (X, y, 3.0), "offset")
    X, y = _linear(rng, 30, 3, noise=0.2, x_offset=np.array([500.0, 20.0, -300.0]))
    yield Case("large_penalty_w_shrinks", (X, y, 1e6), "large alpha")
    yield Case("huge_penalty_b_is_mean", (X, y + 7.0, 1e12), "large alpha")
    # More features than rows: only the penalty makes the system solvable.
    X, y = _linear(rng, 8, 20, noise=0.1, x_offset=5.0)
    yield Case("more_features_than_rows", (X, y, 0.5), "d > n")
    yield Case(
        "two_rows_one_feature",
        (np.array([[2.0], [6.0]]), np.array([1.0, 9.0]), 8.0),
        "tiny",
    )
    # A constant feature: centred it is all zeros, so its weight is exactly 0.
    X = np.hstack([rng.normal(size=(25, 2)), np.full((25, 1), 4.0)])
    yield Case(
        "constant_feature",
        (X, X[:, 0] * 2.0 - X[:, 1] + 3.0 + 0.1 * rng.normal(size=25), 1.0),
        "constant feature",
    )
    yield Case(
        "constant_target",
        (rng.normal(size=(20, 3)) + 10.0, np.full(20, -2.5), 0.7),
        "constant target",
    )
    # Correlated features: the penalty spreads the weight between them.
    z = rng.normal(size=100)
    X = np.column_stack([z + 0.05 * rng.normal(size=100), z + 0.05 * rng.normal(size=100)])
    yield Case(
        "correlated_features", (X, 3.0 * z + 1.0 + 0.1 * rng.normal(size=100), 2.0), "collinear"
    )
    X, y = _linear(rng, 200, 6, noise=0.5, scale=np.array([1e-3, 1.0, 1e3, 10.0, 0.1, 1.0]))
    yield Case("features_of_different_scales", (X, y, 1.0), "scale")
    X, y = _linear(rng, 2000, 50, noise=1.0, x_offset=rng.normal(size=50) * 20, y_offset=5.0)
    yield Case("largest", (X, y, 25.0), "random")
    X, y = _linear(rng, 500, 10, noise=2.0, x_offset=-7.0)
    yield Case("small_penalty", (X, y, 1e-3), "random")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    x = rng.uniform(-3.0, 3.0, size=(50, 1))
    yield Case("toy_noisy_line", (x, 1.8 * x[:, 0] + 0.5 + rng.normal(0, 1.0, 50), 5.0), "toy data")


def _linear(rng, n, d, noise, x_offset=0.0, y_offset=0.0, scale=1.0):
    X = rng.normal(size=(n, d)) * scale + x_offset
    w = rng.normal(size=d) * 2.0 / scale
    y = X @ w + rng.normal() * 3.0 + y_offset + noise * rng.normal(size=n)
    return X, y
