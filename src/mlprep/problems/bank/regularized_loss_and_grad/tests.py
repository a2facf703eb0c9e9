"""Hand-made cases for each term first (exact zero weights, one penalty at a time), then seeded
problems of many shapes and scales, most with some weights exactly 0."""

import numpy as np

from mlprep.problems import Case


def _weights(rng, d, scale=1.0, zero_share=0.3):
    w = rng.normal(0.0, scale, size=d)
    w[rng.random(d) < zero_share] = 0.0
    return w


def _problem(rng, n, d, x_scale=1.0, y_offset=0.0, noise=0.5, zero_share=0.3):
    X = rng.normal(0.0, x_scale, size=(n, d))
    true_w = rng.normal(0.0, 1.0, size=d)
    y = X @ true_w + y_offset + rng.normal(0.0, noise * x_scale, size=n)
    return _weights(rng, d, zero_share=zero_share), X, y


def cases(rng):
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    y = np.array([3.0, 0.5, 2.0, 1.0])
    yield Case("small_example", (np.array([0.5, 0.0, -1.0]), X, y, 0.1, 0.2), "basic")
    yield Case("no_penalty", (np.array([1.0, 0.5, -0.5]), X, y, 0.0, 0.0), "no penalty")
    yield Case("all_weights_zero", (np.zeros(3), X, y, 0.3, 0.7), "zero weights")

    # One penalty at a time.
    yield Case("l1_only", (np.array([2.0, -0.5, 1.5]), X, y, 0.4, 0.0), "L1 only")
    yield Case("l2_only", (np.array([2.0, -0.5, 1.5]), X, y, 0.0, 0.8), "L2 only")
    yield Case("l1_only_with_zeros", (np.array([0.0, -1.0, 0.0]), X, y, 1.5, 0.0), "exact zeros")
    # -0.0 is a zero weight too: its subgradient is 0 (np.sign(-0.0) is -0.0, equal to 0).
    yield Case(
        "negative_zero_weight",
        (np.array([-0.0, 0.0, 0.25]), X, y, 0.5, 0.5),
        "exact zeros",
    )
    # Tiny but nonzero weights still get the full +-l1: only an exact zero gets 0.
    yield Case(
        "tiny_nonzero_weights",
        (np.array([1e-12, -1e-300, 0.0]), X, y, 0.5, 0.1),
        "exact zeros",
    )
    yield Case(
        "single_sample_single_feature",
        (np.array([1.5]), np.array([[2.0]]), np.array([1.0]), 0.25, 0.5),
        "tiny",
    )
    yield Case(
        "single_sample_zero_weight",
        (np.array([0.0, 2.0]), np.array([[1.0, -3.0]]), np.array([4.0]), 0.7, 0.1),
        "exact zeros",
    )
    yield Case(
        "perfect_fit",
        (
            np.array([1.0, -2.0]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
            np.array([1.0, -2.0, -1.0]),
            0.2,
            0.3,
        ),
        "zero residual",
    )
    yield Case("strong_penalties", (*_problem(rng, 30, 5), 10.0, 25.0), "large penalties")
    yield Case("tiny_penalties", (*_problem(rng, 50, 4), 1e-6, 1e-6), "small penalties")
    yield Case(
        "more_features_than_samples", (*_problem(rng, 6, 20, zero_share=0.5), 0.3, 0.2), "d > n"
    )
    yield Case(
        "large_scale",
        (*_problem(rng, 200, 8, x_scale=1e3, y_offset=5e4), 2.0, 0.5),
        "large values",
    )
    yield Case("small_scale", (*_problem(rng, 100, 6, x_scale=1e-3), 1e-4, 1e-3), "small values")
    for i, (n, d, l1, l2) in enumerate(
        [(20, 3, 0.1, 0.1), (500, 10, 0.05, 0.5), (2000, 50, 0.01, 0.02), (77, 12, 1.0, 0.0)]
    ):
        yield Case(f"random_{i}", (*_problem(rng, n, d), l1, l2), "random")
    w, X, y = _problem(rng, 300, 15, zero_share=0.0)
    yield Case("random_no_zero_weights", (w, X, y, 0.2, 0.3), "random")
    w, X, y = _problem(rng, 300, 15, zero_share=0.8)
    yield Case("random_mostly_zero_weights", (w, X, y, 0.6, 0.1), "exact zeros")
