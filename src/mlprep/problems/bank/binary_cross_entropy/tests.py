"""Hand-made edge cases (probabilities of exactly 0 and 1, a custom eps, float32 input, integer
labels, one sample), then seeded random labels and probabilities of many sizes."""

import numpy as np

from mlprep.problems import Case


def _labels(values, dtype=np.int64):
    return np.array(values, dtype=dtype)


def _probs(values, dtype=np.float64):
    return np.array(values, dtype=dtype)


def cases(rng):
    yield Case("small_example", (_labels([1, 0, 1, 0]), _probs([0.9, 0.1, 0.8, 0.3])), "basic")
    yield Case(
        "exact_zero_and_one",
        (_labels([1, 0, 1, 0]), _probs([1.0, 1.0, 0.0, 0.5])),
        "clipping",
    )
    yield Case("single_sample", (_labels([1]), _probs([0.25])), "tiny")

    # Confident mistakes at both ends: without clipping the loss is infinite or NaN.
    yield Case(
        "confident_mistakes_both_ends",
        (_labels([0, 1, 0, 1, 1, 0]), _probs([1.0, 0.0, 1.0, 0.6, 1.0, 0.0])),
        "clipping",
    )
    # Correct certain predictions: log(1) terms and 0 * log(0) terms must not turn into NaN.
    yield Case(
        "certain_and_right",
        (_labels([1, 0, 1, 0]), _probs([1.0, 0.0, 1.0, 0.0])),
        "clipping",
    )
    # Tiny but nonzero probabilities are clipped too, not only exact zeros.
    yield Case(
        "tiny_nonzero_probabilities",
        (_labels([1, 1, 0, 0]), _probs([1e-300, 1e-20, 1e-300, 0.4])),
        "clipping",
    )
    # A custom eps: clipping to [1e-3, 1 - 1e-3] changes the answer a lot.
    yield Case(
        "custom_eps_1e-3",
        (_labels([1, 0, 1, 0, 1]), _probs([0.0, 1.0, 0.9995, 0.0002, 0.7]), 1e-3),
        "custom eps",
    )
    # A large eps also moves interior probabilities (0.05 -> 0.1, 0.97 -> 0.9).
    yield Case(
        "custom_eps_0.1",
        (_labels([1, 0, 0, 1, 1, 0]), _probs([0.05, 0.97, 0.5, 0.3, 0.99, 0.02]), 0.1),
        "custom eps",
    )
    yield Case(
        "custom_eps_no_effect",
        (_labels([1, 0, 1]), _probs([0.6, 0.2, 0.9]), 1e-7),
        "custom eps",
    )
    # float32 probabilities: 1 - 1e-15 rounds to 1.0 in float32, so clipping in float32 fails.
    yield Case(
        "float32_probabilities",
        (_labels([0, 1, 1, 0, 0]), _probs([1.0, 0.0, 0.75, 0.125, 0.5], np.float32)),
        "float32 input",
    )
    yield Case(
        "uint8_labels",
        (_labels([1, 0, 0, 1, 1], np.uint8), _probs([0.7, 0.4, 0.1, 0.55, 0.95])),
        "integer labels",
    )
    yield Case(
        "float_labels",
        (_labels([1, 0, 0, 1], np.float64), _probs([0.3, 0.6, 0.01, 0.999])),
        "float labels",
    )
    yield Case("all_half", (_labels([1, 0, 1, 1, 0, 0, 1]), np.full(7, 0.5)), "basic")
    yield Case("single_sample_clipped", (_labels([0]), _probs([1.0])), "tiny")
    yield Case("single_sample_negative", (_labels([0]), _probs([0.8]), 0.25), "custom eps")

    shapes = [(2000, 2.0, 2.0), (2000, 0.3, 0.3), (1000, 5.0, 1.0), (37, 1.0, 1.0)]
    for i, (n, a, b) in enumerate(shapes):
        y = (rng.random(n) < 0.5).astype(np.int64)
        p = rng.beta(a, b, size=n)
        yield Case(f"random_{i}", (y, p), "random")
    y = (rng.random(2000) < 0.4).astype(np.int64)
    p = rng.random(2000)
    p[rng.choice(2000, size=20, replace=False)] = 0.0
    p[rng.choice(2000, size=20, replace=False)] = 1.0
    yield Case("random_with_exact_extremes", (y, p), "clipping")
    y = (rng.random(2000) < 0.5).astype(np.int64)
    p = rng.random(2000).astype(np.float32)
    p[rng.choice(2000, size=5, replace=False)] = 1.0
    p[rng.choice(2000, size=5, replace=False)] = 0.0
    yield Case("random_float32_with_extremes", (y, p), "float32 input")
    y = (rng.random(500) < 0.5).astype(np.int64)
    yield Case("random_custom_eps", (y, rng.random(500), 0.05), "custom eps")
