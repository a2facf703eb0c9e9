"""Hand-made small cases, then seeded sparse regressions with varied alpha, sweeps and scales.

alpha = 0 runs Gauss-Seidel on least squares; a large alpha keeps w at zero; one sweep and many
columns show the in-place (cyclic) order; columns of very different norms and all-zero columns
check the division by (1/n)||x_j||^2.
"""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    X0 = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 2.0], [2.0, 1.0]])
    y0 = np.array([1.0, 2.0, 3.0, 3.0])
    yield Case("two_features_two_sweeps", (X0, y0, 0.1, 2), "basic")
    # max_j |x_j . y| / n = 11/4 = 2.75, so alpha = 3 keeps every weight at zero.
    yield Case("alpha_zeroes_everything", (X0, y0, 3.0, 5), "large alpha")
    yield Case(
        "one_sweep_correlated",
        (
            np.array([[1.0, 1.0, 0.0], [2.0, 1.0, 1.0], [0.0, 1.0, 2.0], [1.0, 0.0, 1.0]]),
            np.array([2.0, 4.0, 1.0, -1.0]),
            0.05,
            1,
        ),
        "one sweep",
    )

    X, y, _ = _sparse(rng, 100, 8, 3)
    yield Case("alpha_zero_many_sweeps", (X, y, 0.0, 50), "alpha = 0")
    yield Case("alpha_zero_one_sweep", (X, y, 0.0, 1), "alpha = 0")
    lam_max = np.abs(X.T @ y).max() / len(y)
    yield Case("alpha_just_above_max", (X, y, lam_max * 1.001, 10), "large alpha")
    yield Case("alpha_just_below_max", (X, y, lam_max * 0.95, 10), "large alpha")
    yield Case("moderate_alpha", (X, y, lam_max * 0.1, 20), "random")

    # Columns whose norms span six orders of magnitude.
    X, y, _ = _sparse(rng, 80, 6, 4, scales=np.array([1e-2, 1.0, 1e2, 0.3, 10.0, 1e3]))
    yield Case("different_column_norms", (X, y, 0.5, 30), "column norms")
    # An all-zero column in the middle: its weight must stay 0, with no division by zero.
    X, y, _ = _sparse(rng, 50, 5, 3)
    X[:, 2] = 0.0
    yield Case("zero_column", (X, y, 0.05, 10), "zero column")
    yield Case("only_a_zero_column", (np.zeros((6, 1)), rng.normal(size=6), 0.1, 3), "zero column")
    # Signs alternate: soft-thresholding must work on both sides of zero.
    X = rng.normal(size=(60, 4))
    y = X @ np.array([-3.0, 2.0, -1.5, 0.5]) + 0.1 * rng.normal(size=60)
    yield Case("negative_weights", (X, y, 0.2, 15), "signs")
    # Two identical columns: the cyclic order decides how the weight is shared.
    z = rng.normal(size=40)
    X = np.column_stack([z, z, rng.normal(size=40)])
    yield Case("duplicate_columns", (X, 2.0 * z + X[:, 2], 0.1, 7), "collinear")
    yield Case(
        "single_feature",
        (np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 3.0, 7.0]), 0.5, 1),
        "tiny",
    )
    X, y, _ = _sparse(rng, 10, 30, 3)
    yield Case("more_features_than_rows", (X, y, 0.05, 25), "d > n")
    X, y, _ = _sparse(rng, 200, 12, 5, scales=1e-4)
    yield Case("tiny_scale", (X, y * 1e-4, 1e-9, 20), "scale")
    X, y, _ = _sparse(rng, 2000, 50, 10)
    yield Case("largest", (X, y, 0.05, 40), "random")
    X, y, _ = _sparse(rng, 300, 20, 6, correlated=True)
    yield Case("correlated_columns_few_sweeps", (X, y, 0.02, 3), "random")


def _sparse(rng, n, d, nonzero, scales=1.0, correlated=False):
    X = rng.normal(size=(n, d))
    if correlated:
        X = X + 0.8 * rng.normal(size=(n, 1))
    X = X * scales
    w = np.zeros(d)
    support = rng.choice(d, size=nonzero, replace=False)
    w[support] = rng.normal(size=nonzero) * 3.0 / (np.broadcast_to(scales, (d,))[support])
    y = X @ w + 0.2 * rng.normal(size=n)
    return X, y, w
