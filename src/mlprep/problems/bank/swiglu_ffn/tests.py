"""Hand-made cases first (the example, a gate that is exactly zero, huge pre-activations, square
weights where a transpose still fits), then seeded random layers of many shapes. W1 and W3 are
always different, so swapping the gated and the linear branch shows."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    yield Case(
        "two_tokens",
        (
            np.array([[1.0, -1.0], [2.0, 0.0]]),
            np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]),
            np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0]]),
            np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]]),
        ),
        "basic",
    )
    # Gate pre-activations of +-50: silu(50) = 50 and silu(-50) is about -1e-20.
    yield Case(
        "saturated_gate",
        (
            np.array([[1.0], [-1.0]]),
            np.array([[50.0, -50.0]]),
            np.array([[1.0, 2.0]]),
            np.array([[1.0], [1.0]]),
        ),
        "large values",
    )
    # Square weights (d = h = d_out): transposed weights still have the right shape.
    yield Case("square_weights", _layer(rng, 4, 3, 3, 3), "shapes")

    # A zero row of x: both branches are 0, so the output row is 0.
    x, W1, W3, W2 = _layer(rng, 3, 5, 8, 5)
    x[1] = 0.0
    yield Case("zero_token", (x, W1, W3, W2), "zeros")
    # Pre-activations in the thousands: exp(z) overflows in z * exp(z) / (1 + exp(z)).
    x, W1, W3, W2 = _layer(rng, 6, 4, 8, 4)
    yield Case("huge_preactivations", (2000.0 * x, W1, W3, W2), "large values")
    yield Case("single_token", _layer(rng, 1, 6, 16, 6), "n = 1")
    yield Case("one_hidden_unit", _layer(rng, 5, 3, 1, 2), "h = 1")
    yield Case("one_feature", _layer(rng, 7, 1, 4, 1), "d = 1")
    # Negative gates only: silu is small but not zero there (a ReLU would give exactly 0).
    x, W1, W3, W2 = _layer(rng, 5, 4, 6, 3)
    yield Case("negative_gates", (np.abs(x), -np.abs(W1), W3, W2), "negative gates")
    yield Case("square_random", _layer(rng, 8, 8, 8, 8), "shapes")
    for i, (n, d, h, d_out) in enumerate(
        [(10, 4, 8, 4), (32, 16, 43, 16), (200, 32, 64, 32), (2000, 50, 64, 50), (50, 12, 30, 7)]
    ):
        yield Case(f"random_{i}", _layer(rng, n, d, h, d_out), "random")


def _layer(rng, n, d, h, d_out):
    return (
        rng.normal(size=(n, d)),
        rng.normal(0.0, 1.0 / np.sqrt(d), size=(d, h)),
        rng.normal(0.0, 1.0 / np.sqrt(d), size=(d, h)),
        rng.normal(0.0, 1.0 / np.sqrt(h), size=(h, d_out)),
    )
