"""Hand-made cases first (the example, a first step from rest, lr = 1), then seeded arrays of
several shapes: momentum 0, lr 0, a zero gradient, velocities that oppose the gradient, 2-D
weights and large or tiny magnitudes. Most cases have a non-zero velocity and lr != 1, where the
"lr inside the velocity" form gives different numbers."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example.
    yield Case(
        "basic_step",
        (
            np.array([1.0, -2.0, 0.5]),
            np.array([0.5, -1.0, 2.0]),
            np.array([0.1, 0.0, -0.2]),
            0.1,
            0.9,
        ),
        "basic",
    )
    # First step: the velocity starts at zero.
    yield Case(
        "first_step_from_rest",
        (np.array([2.0, 0.0]), np.array([4.0, -1.0]), np.zeros(2), 0.5, 0.9),
        "zero velocity",
    )
    yield Case(
        "two_dimensional_weights",
        (
            np.array([[1.0, 2.0], [3.0, 4.0]]),
            np.array([[1.0, 0.0], [-1.0, 2.0]]),
            np.array([[0.5, -0.5], [0.0, 1.0]]),
            0.2,
            0.5,
        ),
        "2-D",
    )

    yield Case("momentum_zero_plain_sgd", (*_state(rng, (6,)), 0.05, 0.0), "momentum = 0")
    yield Case("lr_zero_coasting", (*_state(rng, (5,)), 0.0, 0.9), "lr = 0")
    # lr = 1: the two conventions agree on w only when the velocity is 0.
    yield Case("lr_one", (*_state(rng, (4,)), 1.0, 0.9), "lr = 1")
    w, _, v = _state(rng, (7,))
    yield Case("zero_gradient", (w, np.zeros(7), v, 0.1, 0.9), "zero gradient")
    # The old velocity points against the new gradient step.
    g = rng.normal(size=8)
    yield Case(
        "velocity_opposes_gradient",
        (rng.normal(size=8), g, 0.3 * g, 0.1, 0.95),
        "direction change",
    )
    yield Case(
        "single_parameter",
        (np.array([3.0]), np.array([-2.0]), np.array([0.25]), 0.01, 0.99),
        "tiny",
    )
    yield Case("matrix_weights", (*_state(rng, (10, 4)), 0.03, 0.9), "2-D")
    yield Case("high_momentum_small_lr", (*_state(rng, (20,)), 1e-4, 0.999), "random")
    yield Case("large_magnitudes", (*_state(rng, (12,), scale=1e5), 0.01, 0.8), "large scale")
    yield Case("tiny_magnitudes", (*_state(rng, (12,), scale=1e-5), 0.5, 0.9), "tiny scale")
    w, g, v = _state(rng, (50, 50))
    yield Case("large_array", (w + 100.0, g, v, 0.02, 0.9), "random")
    yield Case("large_lr", (*_state(rng, (9,)), 3.0, 0.5), "random")


def _state(rng, shape, scale=1.0):
    w = rng.normal(0, scale, size=shape)
    grad = rng.normal(0, scale, size=shape)
    velocity = rng.normal(0, 0.1 * scale, size=shape)
    return w, grad, velocity
