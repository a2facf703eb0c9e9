"""Hand-made cases first (the example, exact zero pre-activations, a perfect fit), then integer
data where many pre-activations are exactly 0, dead units, square shapes (d == H == n) on which a
transposed or wrongly reduced gradient keeps its shape, and seeded random networks."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: the second hidden unit is never positive (-4, then exactly 0).
    yield Case(
        "two_samples",
        (
            np.array([[1.0, 2.0], [0.0, -1.0]]),
            np.array([[1.0], [-2.0]]),
            np.array([[1.0, -1.0, 0.5], [0.5, -1.0, 1.0]]),
            np.array([0.0, -1.0, 0.0]),
            np.array([[1.0], [2.0], [-1.0]]),
            np.array([0.5]),
        ),
        "basic",
    )
    # Several pre-activations are exactly 0: the ReLU's gradient there is 0.
    yield Case(
        "exact_zero_preactivations",
        (
            np.array([[1.0, 1.0], [2.0, 0.0], [0.0, 1.0]]),
            np.array([[3.0], [-1.0], [2.0]]),
            np.array([[1.0, 1.0], [-1.0, 2.0]]),
            np.array([0.0, -2.0]),
            np.array([[2.0], [-1.0]]),
            np.array([1.0]),
        ),
        "relu at zero",
    )
    yield Case("small_batch", _random_net(rng, 4, 3, 2), "basic")

    # Integer-valued inputs and weights: many pre-activations are exactly 0.
    yield Case("integer_many_zeros", _integer_net(rng, 30, 4, 5), "relu at zero")
    yield Case("integer_many_zeros_wide", _integer_net(rng, 60, 3, 12), "relu at zero")
    # Every hidden unit is dead: only b2 gets a gradient.
    X, y, W1, b1, W2, b2 = _random_net(rng, 10, 3, 4)
    yield Case("all_units_dead", (X, y, W1, b1 - 100.0, W2, b2), "dead units")
    X, y, W1, b1, W2, b2 = _random_net(rng, 12, 3, 5)
    b1[[1, 3]] = -50.0
    yield Case("some_units_dead", (X, y, W1, b1, W2, b2), "dead units")
    # The targets equal the predictions: zero loss and zero gradients.
    X, _, W1, b1, W2, b2 = _random_net(rng, 8, 3, 4)
    y = np.maximum(X @ W1 + b1, 0.0) @ W2 + b2
    yield Case("perfect_fit", (X, y, W1, b1, W2, b2), "zero gradient")
    yield Case("single_sample", _random_net(rng, 1, 4, 3), "n = 1")
    yield Case("single_hidden_unit", _random_net(rng, 15, 3, 1), "H = 1")
    yield Case("single_feature", _random_net(rng, 15, 1, 6), "d = 1")
    # d == H and n == H: wrong transposes or reductions keep the right shapes.
    yield Case("square_d_equals_h", _random_net(rng, 20, 6, 6), "shapes")
    yield Case("n_d_h_all_equal", _random_net(rng, 5, 5, 5), "shapes")
    yield Case("large_scale", _random_net(rng, 40, 5, 7, scale=1e3), "large scale")
    yield Case("tiny_scale", _random_net(rng, 40, 5, 7, scale=1e-3), "tiny scale")
    X, y, W1, b1, W2, b2 = _random_net(rng, 50, 4, 6)
    yield Case("large_target_offset", (X, y + 1e3, W1, b1, W2, b2), "large offset")
    for i, (n, d, h) in enumerate([(50, 5, 8), (200, 20, 32), (1000, 50, 50)]):
        yield Case(f"random_{i}", _random_net(rng, n, d, h), "random")


def _random_net(rng, n, d, h, scale=1.0):
    X = rng.normal(0, scale, size=(n, d))
    W1 = rng.normal(0, 1.0 / np.sqrt(d), size=(d, h))
    b1 = rng.normal(0, 0.5, size=h)
    W2 = rng.normal(0, 1.0 / np.sqrt(h), size=(h, 1))
    b2 = rng.normal(0, 0.5, size=1)
    y = rng.normal(0, scale, size=(n, 1))
    return X, y, W1, b1, W2, b2


def _integer_net(rng, n, d, h):
    X = rng.integers(-2, 3, size=(n, d)).astype(float)
    W1 = rng.integers(-2, 3, size=(d, h)).astype(float)
    b1 = rng.integers(-1, 2, size=h).astype(float)
    W2 = rng.integers(-2, 3, size=(h, 1)).astype(float)
    b2 = rng.integers(-1, 2, size=1).astype(float)
    y = rng.integers(-3, 4, size=(n, 1)).astype(float)
    return X, y, W1, b1, W2, b2
