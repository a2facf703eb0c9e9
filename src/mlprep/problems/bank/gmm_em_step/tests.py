"""Hand-made small mixtures first (unequal weights, far-away points, one component, identical
components, large offsets), then seeded mixtures of many sizes, dimensions and scales.

Every test keeps each component well populated (its total responsibility is at least 5% of n
and its new variances are far from zero), so no variance floor is ever needed.
"""

import numpy as np

from mlprep.problems import Case


def _f(values):
    return np.array(values, dtype=float)


def cases(rng):
    # The statement's example.
    yield Case(
        "two_components_1d",
        (_f([[0], [1], [2], [6], [7], [9]]), _f([0.5, 0.5]), _f([[1], [7]]), _f([[1], [2]])),
        "basic",
    )
    yield Case(
        "unequal_weights_2d",
        (
            _f([[0, 0], [1, 0], [0, 2], [1, 1], [2, 2], [3, 3], [4, 2], [3, 4], [2, 1], [5, 5]]),
            _f([0.8, 0.2]),
            _f([[1, 1], [3, 3]]),
            _f([[1, 1], [1, 2]]),
        ),
        "unequal weights",
    )
    # Point 5 is hundreds of standard deviations from both components: its densities underflow
    # to 0 in linear space, but its responsibilities are perfectly well defined.
    yield Case(
        "far_away_point",
        (
            _f([[-1], [0], [1], [9], [10], [11], [400]]),
            _f([0.5, 0.5]),
            _f([[0], [10]]),
            _f([[1], [1]]),
        ),
        "far-away points",
    )

    X = rng.normal(3.0, 2.0, size=(50, 3))
    yield Case("single_component", (X, _f([1.0]), _f([[0, 0, 0]]), _f([[1, 1, 1]])), "k = 1")
    # Identical components: responsibilities equal the weights, which therefore do not change.
    X = rng.normal(0.0, 1.0, size=(40, 2))
    yield Case(
        "identical_components",
        (X, _f([0.3, 0.7]), _f([[0.5, 0], [0.5, 0]]), _f([[2, 1], [2, 1]])),
        "identical components",
    )
    # Strongly unequal weights: leaving them out of the E-step changes everything.
    X = np.concatenate([rng.normal(0, 1, size=(60, 1)), rng.normal(1.5, 1, size=(20, 1))])
    yield Case(
        "weights_matter",
        (X, _f([0.9, 0.1]), _f([[0], [1.5]]), _f([[1], [1]])),
        "unequal weights",
    )
    # Different variances per component: the log-determinant term decides the responsibilities.
    X = np.concatenate([rng.normal(0, 0.5, size=(40, 2)), rng.normal(0, 3.0, size=(40, 2))])
    yield Case(
        "same_mean_different_spread",
        (X, _f([0.5, 0.5]), _f([[0.2, -0.1], [-0.3, 0.4]]), _f([[0.3, 0.2], [8.0, 10.0]])),
        "different variances",
    )
    # Several points far away in different directions, in 2-D.
    X = np.concatenate(
        [
            rng.normal([0, 0], 1.0, size=(30, 2)),
            rng.normal([6, 6], 1.0, size=(30, 2)),
            _f([[300, -200], [-500, 40], [1e3, 1e3]]),
        ]
    )
    yield Case(
        "several_far_points",
        (X, _f([0.4, 0.6]), _f([[0.5, 0.5], [5.5, 6.5]]), _f([[1.2, 0.8], [1, 1.5]])),
        "far-away points",
    )
    # Starting variances far too narrow: most points sit dozens of standard deviations away from
    # every component, so their densities underflow in linear space.
    X = np.concatenate([rng.normal(0, 1, size=(50, 1)), rng.normal(5, 1.5, size=(50, 1))])
    yield Case(
        "narrow_starting_variances",
        (X, _f([0.5, 0.5]), _f([[0.2], [4.6]]), _f([[0.002], [0.003]])),
        "far-away points",
    )
    # 10 dimensions with a few points far out along different axes.
    X, w, mu, var = _mixture(rng, 200, 10, 3, spread=4.0)
    X[:4] += np.diag([300.0, -400.0, 250.0, 600.0]) @ np.eye(4, 10)
    yield Case("far_points_ten_dimensions", (X, w, mu, var), "far-away points")
    X, w, mu, var = _mixture(rng, 300, 50, 3, spread=4.0)
    yield Case("fifty_dimensions", (X, w, mu, var), "high dimension")
    # Means around 1e6: E[x^2] - mean^2 cancels catastrophically here.
    X, w, mu, var = _mixture(rng, 200, 2, 2, spread=6.0)
    yield Case("large_offset", (X + 1e6, w, mu + 1e6, var), "large offset")
    X, w, mu, var = _mixture(rng, 300, 3, 3, spread=5.0)
    shift = np.array([-3e6, 2e6, 5e5])
    yield Case("large_offsets_per_feature", (X + shift, w, mu + shift, var), "large offset")
    X, w, mu, var = _mixture(rng, 150, 3, 3, spread=6.0)
    yield Case("tiny_scale", (X * 1e-3, w, mu * 1e-3, var * 1e-6), "tiny scale")
    X, w, mu, var = _mixture(rng, 150, 3, 3, spread=6.0)
    yield Case("huge_scale", (X * 1e4, w, mu * 1e4, var * 1e8), "huge scale")
    # Few points.
    yield Case(
        "few_points",
        (
            _f([[0, 1], [1, 0], [2, 2], [5, 4], [4, 6], [6, 5]]),
            _f([0.5, 0.5]),
            _f([[1, 1], [5, 5]]),
            _f([[1, 1], [1, 1]]),
        ),
        "tiny",
    )
    yield Case(
        "more_components_than_dimensions",
        _mixture(rng, 400, 1, 5, spread=5.0),
        "random",
    )

    for i, (n, d, k, spread) in enumerate(
        [
            (200, 2, 3, 5.0),
            (500, 4, 4, 3.0),
            (1000, 10, 6, 3.0),
            (2000, 5, 8, 5.0),
            (300, 3, 2, 1.0),
        ]
    ):
        yield Case(f"random_mixture_{i}", _mixture(rng, n, d, k, spread), "random")


def _mixture(rng, n, d, k, spread):
    """Data from k diagonal Gaussians plus a starting guess near (not at) the truth."""
    centers = rng.normal(0, spread, size=(k, d))
    stds = rng.uniform(0.5, 2.0, size=(k, d))
    true_w = rng.dirichlet(np.full(k, 8.0))
    z = rng.choice(k, size=n, p=true_w)
    X = centers[z] + rng.normal(size=(n, d)) * stds[z]
    weights = rng.dirichlet(np.full(k, 8.0))
    means = centers + rng.normal(0, 0.5, size=(k, d))
    variances = stds**2 * rng.uniform(0.5, 2.0, size=(k, d))
    return X, weights, means, variances
