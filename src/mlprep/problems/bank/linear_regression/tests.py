"""Hand-made small fits first, then seeded designs of many shapes, scales and offsets.

Every design keeps [X, 1] well conditioned (condition number at most 1e3), as promised.
"""

import numpy as np

from mlprep.problems import Case

MAX_COND = 1e3


def _f(values):
    return np.array(values, dtype=float)


def cases(rng):
    yield Case("exact_line", (_f([[0], [1], [2], [3]]), _f([1, 3, 5, 7])), "exact fit")
    yield Case(
        "noisy_two_features",
        (_f([[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]]), _f([1, 2, 3, 5, 5])),
        "basic",
    )
    yield Case(
        "features_far_from_zero",
        (_f([[10], [11], [12], [13], [14]]), _f([3.1, 2.9, 2.2, 1.8, 1.0])),
        "intercept",
    )

    yield Case("two_points_one_feature", (_f([[1], [3]]), _f([2, -4])), "n = d + 1")
    yield Case(
        "constant_target", (_f([[1, 0], [0, 2], [3, 1], [2, 2]]), _f([4, 4, 4, 4])), "exact fit"
    )

    X = _design(rng, 50, 1)
    yield Case("one_feature_noisy", (X, _target(rng, X, noise=0.5)), "d = 1")
    for n, d in [(6, 5), (31, 30)]:
        X = _design(rng, n, d)
        yield Case(f"n_equals_d_plus_1_d{d}", (X, _target(rng, X, noise=1.0)), "n = d + 1")
    X = _design(rng, 200, 20)
    yield Case("exact_fit_many_features", (X, _target(rng, X, noise=0.0)), "exact fit")
    X = _design(rng, 2000, 50)
    yield Case("many_features", (X, _target(rng, X, noise=2.0)), "many features")
    X = _design(rng, 300, 10)
    yield Case("many_features_exact", (X, _target(rng, X, noise=0.0, bias=-3.5)), "exact fit")

    X = _design(rng, 100, 4)
    yield Case("y_tiny_scale", (X, 1e-5 * _target(rng, X, noise=0.3)), "scale of y")
    X = _design(rng, 100, 4)
    yield Case("y_huge_scale", (X, 1e8 * _target(rng, X, noise=0.3)), "scale of y")
    X = _design(rng, 150, 3)
    yield Case("y_large_offset", (X, _target(rng, X, noise=0.3, bias=1e6)), "large offset")
    X = _design(rng, 120, 2, offset=20.0)
    yield Case("features_offset_by_20", (X, _target(rng, X, noise=0.5)), "large offset")
    X = _design(rng, 120, 3, scale=200.0, offset=200.0)
    yield Case("features_scale_and_offset_200", (X, _target(rng, X, noise=5.0)), "large offset")
    X = _design(rng, 80, 3, scale=300.0)
    yield Case("features_large_scale", (X, _target(rng, X, noise=0.5)), "scale of X")
    X = _design(rng, 80, 3, scale=3e-3)
    yield Case("features_tiny_scale", (X, _target(rng, X, noise=0.01)), "scale of X")
    X = _design(rng, 200, 3) * np.array([0.1, 1.0, 10.0])
    yield Case("mixed_feature_scales", (X, _target(rng, X, noise=0.5)), "scale of X")

    # Two nearly collinear features (still within the conditioning promise).
    z = rng.normal(size=(150, 1))
    X = np.hstack([z, z + 0.05 * rng.normal(size=(150, 1)), rng.normal(size=(150, 1))])
    _check_conditioning(X)
    yield Case("correlated_features", (X, _target(rng, X, noise=0.2)), "correlated")

    X = rng.integers(0, 2, size=(60, 4)).astype(float)
    _check_conditioning(X)
    yield Case("binary_features", (X, _target(rng, X, noise=0.4)), "basic")

    # The picture's toy data (a sample, listed last so the cases above stay as they were).
    x = rng.uniform(-3.0, 3.0, size=(60, 1))
    yield Case("toy_noisy_line", (x, 2.5 * x[:, 0] - 1.0 + rng.normal(0, 0.8, 60)), "toy data")


def _design(rng, n, d, scale=1.0, offset=0.0):
    """Gaussian features, redrawn until [X, 1] keeps the conditioning promise."""
    for _ in range(100):
        X = rng.normal(size=(n, d)) * scale + offset
        if np.linalg.cond(np.hstack([X, np.ones((n, 1))])) <= MAX_COND:
            return X
    raise AssertionError(f"no well-conditioned design for n={n}, d={d}")


def _target(rng, X, noise, bias=None):
    w = rng.normal(0, 3, size=X.shape[1])
    b = rng.normal(0, 3) if bias is None else bias
    return X @ w + b + noise * rng.normal(size=len(X))


def _check_conditioning(X):
    cond = np.linalg.cond(np.hstack([X, np.ones((len(X), 1))]))
    assert cond <= MAX_COND, f"[X, 1] has condition number {cond:.3g}"
