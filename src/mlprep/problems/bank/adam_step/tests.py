"""Hand-made cases first (the example, a later step, custom hyperparameters), then seeded states.

Most weights are 0 or of the size of one step, so the comparison of w_new sees the step itself
(a step of 1e-3 on a weight of 1 would hide a 1% error under rtol=1e-5). The cases cover t = 1
(where t - 1 divides by zero), small and large t, gradients so small that eps matters, a zero
gradient, negative gradients, 2-D arrays and custom betas, eps and learning rates."""

import numpy as np

from mlprep.problems import Case


def cases(rng):
    # The statement's example: the first step from a zero state, with lr = 0.1.
    yield Case(
        "first_step",
        (
            np.array([1.0, -0.5, 0.0]),
            np.array([0.2, -0.1, 0.0]),
            np.zeros(3),
            np.zeros(3),
            1,
            0.1,
        ),
        "t = 1",
    )
    yield Case(
        "later_step_defaults",
        (
            np.array([0.001, -0.002, 0.0, 0.003]),
            np.array([0.5, -1.0, 2.0, 0.0]),
            np.array([0.1, -0.2, 0.05, 0.3]),
            np.array([0.02, 0.1, 0.3, 0.05]),
            3,
        ),
        "basic",
    )
    yield Case(
        "custom_hyperparameters",
        (
            np.array([0.0, 0.5]),
            np.array([1.0, -2.0]),
            np.array([0.5, 0.0]),
            np.array([0.25, 1.0]),
            2,
            0.01,
            0.5,
            0.9,
            0.1,
        ),
        "hyperparameters",
    )

    g = rng.normal(size=10)
    yield Case("t1_zero_state", (np.zeros(10), g, np.zeros(10), np.zeros(10), 1), "t = 1")
    yield Case(
        "t1_zero_state_lr_one",
        (np.zeros(6), rng.normal(size=6), np.zeros(6), np.zeros(6), 1, 1.0),
        "t = 1",
    )
    yield Case("t2", (*_state(rng, (8,)), 2), "small t")
    yield Case("t10", (*_state(rng, (8,)), 10), "small t")
    # beta1^t is negligible here, beta2^t is not (0.999^1000 ~ 0.37).
    yield Case("t1000", (*_state(rng, (12,)), 1000), "large t")
    yield Case("t100000_corrections_vanish", (*_state(rng, (12,)), 100000), "large t")
    # Gradients of 1e-6: sqrt(v_hat) is about 1e-6, so eps = 1e-8 is 1% of the denominator, and
    # sqrt(v_hat + eps) would be about 1e-4.
    w, g, m, v = _state(rng, (9,), grad_scale=1e-6)
    yield Case("tiny_gradients_eps_matters", (w, g, m, v, 1), "eps")
    yield Case("tiny_gradients_later_step", (w, g, m, v, 5), "eps")
    # A zero gradient with a non-zero history still moves the weights.
    w, _, m, v = _state(rng, (7,))
    yield Case("zero_gradient_with_history", (w, np.zeros(7), m, v, 4), "zero gradient")
    # Everything zero: m_hat = 0 and the step is 0 (eps keeps 0 / 0 away).
    yield Case("all_zero", (np.zeros(5), np.zeros(5), np.zeros(5), np.zeros(5), 1), "zero gradient")
    yield Case("negative_gradients", (*_state(rng, (10,), negative=True), 3), "signs")
    yield Case("matrix_weights", (*_state(rng, (6, 5)), 7), "2-D")
    yield Case("large_eps", (*_state(rng, (8,)), 2, 0.01, 0.9, 0.999, 1.0), "eps")
    yield Case("beta1_zero", (*_state(rng, (8,)), 3, 0.001, 0.0, 0.999), "hyperparameters")
    yield Case("beta2_near_one", (*_state(rng, (8,)), 6, 0.001, 0.8, 0.99999), "hyperparameters")
    yield Case("large_gradients", (*_state(rng, (8,), grad_scale=1e4), 2), "large scale")
    w, g, m, v = _state(rng, (20, 20))
    yield Case("large_array_big_lr", (w * 100.0, g, m, v, 15, 0.5), "random")


def _state(rng, shape, grad_scale=1.0, negative=False):
    """Weights of the size of one step, a gradient, and moments consistent with a past of
    gradients of about the same size (|m| below sqrt(v))."""
    w = rng.normal(0, 1e-3, size=shape)
    g = rng.normal(0, grad_scale, size=shape)
    if negative:
        g = -np.abs(g) - 0.1 * grad_scale
    v = rng.uniform(0.2, 2.0, size=shape) * grad_scale**2
    m = rng.uniform(-0.9, 0.9, size=shape) * np.sqrt(v)
    return w, g, m, v
